package vn.gov.thidua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;

/** The shipped campaign definitions under a fresh code, so each test launches its own campaign on a shared database. */
public final class CampaignFixtures {

    public static final String PLAN_161 = "tb-161-cds-2023-2025";
    public static final String PLAN_46 = "tb-46-kyluat-2023";

    private CampaignFixtures() {
    }

    public record Fixture(String code, String definition) {
    }

    public static Fixture shipped(String code) {
        String fresh = code.substring(0, Math.min(code.length(), 40)) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Fixture(fresh, text(code).replace("code: " + code, "code: " + fresh));
    }

    /** The same campaign given to only some of its agencies, so a story follows a few units closely. */
    public static Fixture withParticipants(Fixture fixture, String... agencies) {
        String narrowed = fixture.definition().replaceFirst("(?s)participants:\\s*\\n\\s*agencies: \\[[^\\]]*\\]",
                "participants:\n  agencies: [" + String.join(", ", agencies) + "]");
        if (narrowed.equals(fixture.definition())) {
            throw new IllegalArgumentException("The definition lists no participants to narrow");
        }
        return new Fixture(fixture.code(), narrowed);
    }

    public static String text(String code) {
        try {
            return new ClassPathResource("campaigns/" + code + ".yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
