package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import vn.gov.thidua.system.ApiException;

/** The table generated from a form's thresholds, evaluated by Camunda's DMN engine alone, and the refused thresholds. */
class CriteriaThresholdsTest {

    private final CampaignDefinitionReader reader = new CampaignDefinitionReader(null, null, null);
    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void percentAndRankThresholds_perKind_noFigureIsManual_aKindWithoutThresholdsIsManual() {
        CampaignDefinition d = definition("""
                    criteria:
                      - field: CHUYEN_DOI_SO
                        minPercent: { DEPARTMENT: 90, COMMUNE: 62.5 }
                      - field: CAI_CACH_HANH_CHINH
                        maxRank: { DEPARTMENT: 5 }
                """);
        assertThat(d.awardForms().get(0).criteriaDecision()).isEqualTo("tieu-chuan.hy-cds.bang-khen");
        DmnModelInstance table = CriteriaThresholds.table(d, d.awardForms().get(0));
        // what is deployed is what the model API wrote: it reads back as valid DMN
        Dmn.validateModel(Dmn.readModelFromStream(new ByteArrayInputStream(Dmn.convertToString(table).getBytes(
                StandardCharsets.UTF_8))));

        assertThat(evaluate(table, "DEPARTMENT", 95.0, 5)).containsEntry("outcome", "ELIGIBLE")
                .containsEntry("reason", "Đạt ngưỡng của Sở, ban, ngành: CHUYEN_DOI_SO từ 90%; CAI_CACH_HANH_CHINH trong 5 hạng đầu.");
        assertThat(evaluate(table, "DEPARTMENT", 95.0, 6)).containsEntry("outcome", "INELIGIBLE")
                .containsEntry("reason", "Lĩnh vực CAI_CACH_HANH_CHINH xếp hạng sau hạng 5 (ngưỡng của Sở, ban, ngành).");
        assertThat(evaluate(table, "DEPARTMENT", 89.9, 1)).containsEntry("outcome", "INELIGIBLE");
        assertThat(evaluate(table, "DEPARTMENT", null, 1)).containsEntry("outcome", "MANUAL")
                .containsEntry("reason", "Chưa có số liệu lĩnh vực CHUYEN_DOI_SO; cơ quan thường trực đánh giá.");
        assertThat(evaluate(table, "COMMUNE", 62.5, null)).as("no rank threshold for communes").containsEntry("outcome", "ELIGIBLE");
        assertThat(evaluate(table, "COMMUNE", 62.4, null)).containsEntry("outcome", "INELIGIBLE");
        assertThat(evaluate(table, "DISTRICT", 99.0, 1)).containsEntry("outcome", "MANUAL")
                .containsEntry("reason", "Phong trào chỉ quy định ngưỡng tiêu chuẩn cho Sở, ban, ngành, UBND xã, phường, thị trấn;"
                        + " cơ quan thường trực đánh giá.");
        assertThat(evaluate(table, null, null, null)).as("an enterprise").containsEntry("outcome", "MANUAL");
    }

    @Test
    void thresholdsOutOfRange_aFieldTwice_noThreshold_orAnotherDecisionBeside_areRefusedNamingTheField() {
        refused("""
                    criteria: [{ field: CHUYEN_DOI_SO, minPercent: { COMMUNE: 101 } }]
                """, "awardForms[0].criteria[0].minPercent.COMMUNE");
        refused("""
                    criteria: [{ field: CHUYEN_DOI_SO, maxRank: { COMMUNE: 0 } }]
                """, "awardForms[0].criteria[0].maxRank.COMMUNE");
        refused("""
                    criteria: [{ field: CHUYEN_DOI_SO }]
                """, "awardForms[0].criteria[0]");
        refused("""
                    criteria: [{ field: chuyen doi so, minPercent: { COMMUNE: 60 } }]
                """, "awardForms[0].criteria[0].field");
        refused("""
                    criteria: [{ field: CHUYEN_DOI_SO, minPercent: { COMMUNE: 60 } }, { field: CHUYEN_DOI_SO, maxRank: { COMMUNE: 3 } }]
                """, "awardForms[0].criteria[1].field");
        refused("""
                    criteriaDecision: dx161-bang-khen
                    criteria: [{ field: CHUYEN_DOI_SO, minPercent: { COMMUNE: 60 } }]
                """, "awardForms[0].criteriaDecision");
    }

    private void refused(String criteria, String field) {
        CampaignDefinition d = definition(criteria);
        assertThatThrownBy(() -> CriteriaThresholds.check(d.code(), d.awardForms().get(0), "awardForms[0]"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("'" + field + "'"));
    }

    private Map<String, Object> evaluate(DmnModelInstance table, String level, Double percent, Integer rank) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("nomineeLevel", level);
        variables.put("percent_CHUYEN_DOI_SO", percent);
        variables.put("rank_CAI_CACH_HANH_CHINH", rank);
        DmnDecisionRuleResult first = engine.evaluateDecisionTable(engine.parseDecision("tieu-chuan.hy-cds.bang-khen", table),
                variables).getFirstResult();
        return first == null ? Map.of() : first.getEntryMap();
    }

    private CampaignDefinition definition(String criteria) {
        return reader.parse("""
                code: hy-cds
                name: Phong trào thi đua đẩy mạnh chuyển đổi số
                planNumber: 02/KH-UBND
                awardForms:
                  - key: bang-khen
                    name: Bằng khen của Chủ tịch UBND tỉnh
                """ + criteria);
    }
}
