package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The criteria and quota decision tables of plans 161 and 46, as shipped in processes/, evaluated by the DMN engine
 * alone: one test per table, one row per case the plans describe. Inputs are the variables a submitted dossier gives
 * (null where it has no figure).
 */
class AwardCriteriaDecisionsTest {

    private static DmnEngine engine;

    @BeforeAll
    static void engine() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @ParameterizedTest(name = "{0} {1} hạng {2}, {3}% → {4}")
    @CsvSource(delimiter = '|', textBlock = """
            AGENCY           | DEPARTMENT | 3  | 90   | ELIGIBLE   | Sở, ban, ngành xếp hạng 3 (cần từ 1 đến 3)
            AGENCY           | DEPARTMENT | 4  | 95   | INELIGIBLE | đơn vị xếp hạng 4
            AGENCY           | DEPARTMENT | 1  | 89.9 | INELIGIBLE | từ 90% điểm tối đa
            AGENCY           | DEPARTMENT | 2  |      | INELIGIBLE | Chưa có điểm và điểm tối đa
            AGENCY           | DEPARTMENT |    | 95   | INELIGIBLE | Chưa có kết quả xếp hạng
            AGENCY           | DISTRICT   | 2  | 91   | ELIGIBLE   | Huyện, thành phố xếp hạng 2
            AGENCY           | DISTRICT   | 3  | 99   | INELIGIBLE | cần xếp hạng từ 1 đến 2
            AGENCY           | COMMUNE    | 1  | 90   | ELIGIBLE   | trong huyện
            SUBORDINATE_UNIT | DEPARTMENT | 10 |      | ELIGIBLE   | sở, ban, ngành xếp hạng 10
            SUBORDINATE_UNIT | DEPARTMENT | 11 |      | INELIGIBLE | hiện xếp hạng 11
            SUBORDINATE_UNIT | DISTRICT   | 3  |      | ELIGIBLE   | huyện, thành phố xếp hạng 3
            SUBORDINATE_UNIT | DISTRICT   | 4  |      | INELIGIBLE | hiện xếp hạng 4
            INDIVIDUAL       | DEPARTMENT | 7  |      | ELIGIBLE   | (cấp sở, ban, ngành) xếp hạng 7
            INDIVIDUAL       | DISTRICT   | 3  |      | ELIGIBLE   | (cấp huyện) xếp hạng 3
            INDIVIDUAL       | DISTRICT   | 4  |      | INELIGIBLE | hiện xếp hạng 4
            INDIVIDUAL       | COMMUNE    | 3  |      | INELIGIBLE | hiện xếp hạng 3
            ENTERPRISE       |            |    |      | MANUAL     | Doanh nghiệp, doanh nhân
            AGENCY           | ASSOCIATION| 1  | 100  | INELIGIBLE | không có trong tiêu chuẩn
            """)
    void dx161BangKhen_ranksAndScoreShareByNomineeKind(String kind, String level, Integer rank, Double percent,
                                                        String outcome, String reason) {
        Map<String, Object> in = new HashMap<>();
        in.put("nomineeKind", kind);
        in.put("nomineeLevel", level);
        in.put("rank_CHUYEN_DOI_SO", rank);
        in.put("percent_CHUYEN_DOI_SO", percent);
        DmnDecisionResultEntries result = evaluate("dx161-bang-khen", in);
        assertThat((String) result.get("outcome")).isEqualTo(outcome);
        assertThat((String) result.get("reason")).contains(reason);
    }

    @ParameterizedTest(name = "{0} {1}: {2}/{3}/{4}, {5}% → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            AGENCY     | DEPARTMENT | 1 | 1 | 1 | 100 | ELIGIBLE   | Dẫn đầu (số 1) cả ba lĩnh vực
            AGENCY     | DISTRICT   | 1 | 1 | 1 | 100 | ELIGIBLE   | Dẫn đầu
            AGENCY     | COMMUNE    | 1 | 1 | 1 | 100 | ELIGIBLE   | Dẫn đầu
            AGENCY     | DEPARTMENT | 2 | 1 | 1 | 100 | INELIGIBLE | Không dẫn đầu lĩnh vực chuyển đổi số: xếp hạng 2
            AGENCY     | DEPARTMENT | 1 | 3 | 1 | 100 | INELIGIBLE | Không dẫn đầu thực hiện Đề án 06: xếp hạng 3
            AGENCY     | DISTRICT   | 1 | 1 | 2 | 100 | INELIGIBLE | Không dẫn đầu cải cách hành chính: xếp hạng 2
            AGENCY     | DEPARTMENT | 1 | 1 | 1 | 98  | INELIGIBLE | Chưa hoàn thành 100%
            AGENCY     | DEPARTMENT | 1 | 1 |   | 100 | INELIGIBLE | Chưa có kết quả xếp hạng cải cách hành chính
            AGENCY     | DEPARTMENT | 1 | 1 | 1 |     | INELIGIBLE | Chưa có kết quả thực hiện nhiệm vụ
            INDIVIDUAL | DEPARTMENT | 1 | 1 | 1 | 100 | INELIGIBLE | chỉ xét tặng sở, ban, ngành
            AGENCY     | POLICE     | 1 | 1 | 1 | 100 | INELIGIBLE | chỉ xét tặng sở, ban, ngành
            """)
    void kh46CoThiDua_needsFirstPlaceInAllThreeFields_andAllTasksOnTime(String kind, String level, Integer digital,
                                                                        Integer project06, Integer reform, Double tasks,
                                                                        String outcome, String reason) {
        DmnDecisionResultEntries result = evaluate("kh46-co-thi-dua", plan46(kind, level, digital, project06, reform, tasks));
        assertThat((String) result.get("outcome")).isEqualTo(outcome);
        assertThat((String) result.get("reason")).contains(reason);
    }

    @ParameterizedTest(name = "{0} {1}: {2}/{3}/{4}, {5}% → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            AGENCY           | DEPARTMENT | 5 | 2 | 4 | 100 | ELIGIBLE   | chuyển đổi số 5, Đề án 06 2, cải cách hành chính 4
            AGENCY           | DEPARTMENT | 6 | 1 | 1 | 100 | INELIGIBLE | cần xếp hạng từ 1 đến 5 ở cả ba lĩnh vực; hiện xếp hạng: chuyển đổi số 6
            AGENCY           | DISTRICT   | 3 | 3 | 3 | 100 | ELIGIBLE   | Huyện, thành phố xếp hạng từ 1 đến 3
            AGENCY           | DISTRICT   | 3 | 4 | 3 | 100 | INELIGIBLE | Đề án 06 4
            AGENCY           | COMMUNE    | 1 | 2 | 3 | 100 | ELIGIBLE   | của huyện
            AGENCY           | DEPARTMENT | 1 | 1 | 1 | 90  | INELIGIBLE | Chưa hoàn thành 100%
            AGENCY           | DEPARTMENT |   | 1 | 1 | 100 | INELIGIBLE | Chưa có kết quả xếp hạng lĩnh vực chuyển đổi số
            SUBORDINATE_UNIT | DEPARTMENT |   |   |   |     | MANUAL     | tập thể tiêu biểu nhất
            INDIVIDUAL       | DISTRICT   |   |   |   |     | MANUAL     | Cá nhân
            ENTERPRISE       |            |   |   |   |     | MANUAL     | Doanh nghiệp, doanh nhân
            """)
    void kh46BangKhen_ranksInAllThreeFieldsByLevel_othersJudgedByAchievement(String kind, String level, Integer digital,
                                                                             Integer project06, Integer reform, Double tasks,
                                                                             String outcome, String reason) {
        DmnDecisionResultEntries result = evaluate("kh46-bang-khen", plan46(kind, level, digital, project06, reform, tasks));
        assertThat((String) result.get("outcome")).isEqualTo(outcome);
        assertThat((String) result.get("reason")).contains(reason);
    }

    @ParameterizedTest(name = "{0} đề nghị {1} thứ {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            DEPARTMENT  | SUBORDINATE_UNIT | 1 | true  | hồ sơ thứ 1
            DEPARTMENT  | SUBORDINATE_UNIT | 2 | false | Vượt hạn mức: mỗi sở, ban, ngành chỉ đề nghị không quá 01 tập thể thuộc, trực thuộc; đây là hồ sơ thứ 2.
            DEPARTMENT  | INDIVIDUAL       | 1 | true  | 01 cá nhân
            DEPARTMENT  | INDIVIDUAL       | 2 | false | không quá 01 cá nhân
            DISTRICT    | SUBORDINATE_UNIT | 2 | false | không quá 01 tập thể
            DISTRICT    | INDIVIDUAL       | 2 | true  | 02 cá nhân của huyện, thành phố: hồ sơ thứ 2
            DISTRICT    | INDIVIDUAL       | 3 | false | không quá 02 cá nhân; đây là hồ sơ thứ 3
            DEPARTMENT  | AGENCY           | 1 | true  | không hạn chế số lượng
            ASSOCIATION | ENTERPRISE       | 9 | true  | không hạn chế số lượng
            ASSOCIATION | INDIVIDUAL       | 5 | true  | không quy định hạn mức
            """)
    void quotas_perProposingUnit_sameInBothPlans(String proposer, String kind, Integer position, Boolean within, String reason) {
        for (String decision : new String[] {"dx161-quota", "kh46-quota"}) {
            Map<String, Object> in = new HashMap<>();
            in.put("proposerKind", proposer);
            in.put("nomineeKind", kind);
            in.put("nominationsOfKind", position);
            DmnDecisionResultEntries result = evaluate(decision, in);
            assertThat((Boolean) result.get("within")).as(decision).isEqualTo(within);
            assertThat((String) result.get("reason")).as(decision).contains(reason);
        }
    }

    private static Map<String, Object> plan46(String kind, String level, Integer digital, Integer project06, Integer reform,
                                              Double tasks) {
        Map<String, Object> in = new HashMap<>();
        in.put("nomineeKind", kind);
        in.put("nomineeLevel", level);
        in.put("rank_CHUYEN_DOI_SO", digital);
        in.put("rank_DE_AN_06", project06);
        in.put("rank_CAI_CACH_HANH_CHINH", reform);
        in.put("percent_NHIEM_VU_UBND_GIAO", tasks);
        return in;
    }

    private static DmnDecisionResultEntries evaluate(String key, Map<String, Object> variables) {
        try (InputStream dmn = AwardCriteriaDecisionsTest.class.getResourceAsStream("/processes/" + key + ".dmn")) {
            DmnDecision decision = engine.parseDecision(key, dmn);
            DmnDecisionResult result = engine.evaluateDecision(decision, variables);
            return result.getSingleResult();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
