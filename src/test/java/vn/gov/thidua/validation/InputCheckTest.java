package vn.gov.thidua.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.campaign.CampaignDefinition;
import vn.gov.thidua.campaign.CampaignDefinitionReader;
import vn.gov.thidua.system.ApiException;

/**
 * The shared checker without the application: the field is named as the input writes it (lists by index, nested
 * records by component, map entries by key), the refusal is the first problem a reader meets, worded in Vietnamese.
 */
class InputCheckTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final InputCheck check = new InputCheck(FACTORY.getValidator());
    private final CampaignDefinitionReader reader = new CampaignDefinitionReader(null, null, check);

    private static final String DEFINITION = """
            code: kt-2025
            name: Phong trào thi đua
            planNumber: 12/KH-UBND
            planDate: 2025-01-10
            periodStart: 2025-01-01
            periodEnd: 2026-12-31
            roles: { standingAgency: so-noi-vu, appraisingBoard: ban-tdkt, decider: ubnd-tinh }
            participants: { kinds: [DEPARTMENT] }
            milestones:
              - { key: ke-hoach, name: Kế hoạch, kind: IMPLEMENTATION_PLAN, due: trước ngày 15/02/2025 }
            phases:
              - key: gd-1
                name: Giai đoạn 1
                periodStart: 2025-01-01
                periodEnd: 2025-12-31
                milestones:
                  - { key: bao-cao, name: Báo cáo, kind: REVIEW_REPORT, due: trước ngày 15/11/2025 }
                  - { key: bao-cao-2, name: Báo cáo 2, kind: REVIEW_REPORT, due: trước ngày 1/12/2025%s }
            """;

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidDefinition_passesAsItIs() {
        CampaignDefinition definition = reader.parse(DEFINITION.formatted(""));
        assertThat(check.check(definition)).isSameAs(definition);
    }

    @Test
    void anElementOfAListInAListOfANestedRecord_isNamedAsTheDefinitionWritesIt() {
        assertRefused(reader.parse(DEFINITION.formatted(", reminderWorkingDays: [5, 61]")),
                "phases[0].milestones[1].reminderWorkingDays[1]", "phải là số ngày làm việc từ 1 đến 60");
        assertRefused(reader.parse(DEFINITION.formatted(", cc: ['']")), "phases[0].milestones[1].cc[0]", "không được để trống");
        assertRefused(reader.parse(DEFINITION.formatted(", fields: [{ key: CDS, name: '<b>Chuyển đổi số</b>' }]")),
                "phases[0].milestones[1].fields[0].name", "không được chứa ký tự < hoặc >");
        assertRefused(reader.parse(DEFINITION.formatted("").replace("key: bao-cao-2", "key: Bao Cao")),
                "phases[0].milestones[1].key", "chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới");
        // a phase's round is named under its phase, although the campaign's reviewRounds() lists it with its own
        assertRefused(reader.parse(DEFINITION.formatted("") + """
                    reviewRounds:
                      - { key: so-ket, name: Sơ kết, kind: MID_TERM, reportMilestone: bao-cao, nominationDue: trước ngày 1/12/2025,
                          vettingDue: trước ngày 15/12/2025, appraiseWithinWorkingDays: 0 }
                """), "phases[0].reviewRounds[0].appraiseWithinWorkingDays", "phải là số ngày làm việc từ 1 đến 60");
    }

    @Test
    void theFirstProblemIsTheOneMetFirstReading_notTheFirstAlphabetically_andAMissingValueBeforeItsShape() {
        String twoProblems = DEFINITION.formatted(", reminderWorkingDays: [0]").replace("name: Phong trào thi đua", "name: ''");
        for (int i = 0; i < 20; i++) {
            assertRefused(reader.parse(twoProblems), "name", "không được để trống");
        }
        assertRefused(reader.parse(DEFINITION.formatted("").replace("- { key: ke-hoach, name: Kế hoạch,", "- { key: '', name: '',")),
                "milestones[0].key", "không được để trống");
        assertRefused(new Form("", "", null), "title", "không được để trống");
    }

    @Test
    void aMapEntryIsNamedByItsKey_andAProblemWrittenAsASentenceIsShownAsItIs() {
        assertRefused(new Form("Tiêu đề", "Tóm tắt", List.of(new Line(Map.of("COMMUNE", 101)))), "lines[0].percent.COMMUNE",
                "phải từ 0 đến 100");
        assertThatThrownBy(() -> check.check(new Form("Tiêu đề", " ", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("Chưa nhập tóm tắt thành tích."));
    }

    private void assertRefused(Object value, String field, String problem) {
        assertThatThrownBy(() -> check.check(value)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo("Trường '" + field + "' " + problem + ".");
            assertThat(e.status().value()).isEqualTo(400);
        });
    }

    /** Components declared out of alphabetical order, so the reading order shows. */
    record Form(@NotBlank String title, @NotBlank(message = "Chưa nhập tóm tắt thành tích.") String summary,
                List<@NotNull @Valid Line> lines) {
    }

    record Line(Map<String, @Max(value = 100, message = "phải từ 0 đến 100") Integer> percent) {
    }
}
