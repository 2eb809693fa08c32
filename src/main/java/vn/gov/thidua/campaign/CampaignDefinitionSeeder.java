package vn.gov.thidua.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Uploads the campaign definitions found at {@code app.campaigns.definitions} (the demo ships plans 161 and 46) so
 * the Board can launch them from Tasklist by code. A definition already stored or launched is left as it is.
 */
@Component
@Order(30)
class CampaignDefinitionSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignDefinitionSeeder.class);

    private final String pattern;
    private final CampaignService service;
    private final StoredDefinitionRepository definitions;
    private final CampaignDefinitionReader reader;

    CampaignDefinitionSeeder(@Value("${app.campaigns.definitions:}") String pattern, CampaignService service,
                             StoredDefinitionRepository definitions, CampaignDefinitionReader reader) {
        this.pattern = pattern;
        this.service = service;
        this.definitions = definitions;
        this.reader = reader;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (pattern.isBlank()) {
            return;
        }
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            String text = resource.getContentAsString(StandardCharsets.UTF_8);
            String code = reader.parse(text).code();
            if (!definitions.existsById(code)) {
                service.upload(text, resource.getFilename(), "definition-file");
                log.info("Campaign definition {} uploaded from {}", code, resource.getFilename());
            }
        }
    }
}
