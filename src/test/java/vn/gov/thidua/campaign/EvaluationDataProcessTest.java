package vn.gov.thidua.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Plan 46/KH-UBND (annual 2023): before the year-end review the data providers send their evaluation results (data as
 * of 30/11/2023) by 05/12/2023, as structured rows the award criteria read; a late provider is escalated.
 */
@ProductTest
class EvaluationDataProcessTest extends ProductStory {

    @Autowired
    CampaignStore store;
    @Autowired
    CampaignStatusReport report;
    @Autowired
    NotificationService notifications;

    Fixture plan;

    @BeforeEach
    void engineAndPlan() {
        plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_46);
    }

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void plan46_dataProvidersSendRankings_asRowsTheCriteriaRead_andALateProviderIsEscalated() {
        ProcessClock.at("2023-03-28T10:00:00+07:00");
        assertThatThrownBy(() -> campaigns.launch(plan.definition().replace("providers: [so-khdt]", "providers: [so-y-te]"),
                "cb.btdkt")).as("a field's provider must be given the milestone").hasMessageContaining("'so-y-te' không được giao mốc này");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        assertThat(taskOf("so-y-te", "ke-hoach-trien-khai").getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2023-03-31T23:59:59+07:00").toInstant());
        assertThat(taskOf("cong-an-tinh", "ke-hoach-trien-khai")).as("a data provider only, not a participant").isNull();

        ProcessClock.advanceTo("2023-11-30T00:00:01+07:00", management);
        List<String> providers = List.of("vp-ubnd", "vp-tinh-uy", "so-noi-vu", "so-tttt", "cong-an-tinh", "so-khdt");
        for (String provider : providers) {
            Task task = taskOf(provider, "du-lieu-danh-gia-2023");
            assertThat(task).as(provider).isNotNull();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_SubmitEvaluationData");
            assertThat(task.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse("2023-12-05T00:00:00+07:00").toInstant());
        }

        ProcessClock.at("2023-12-01T09:00:00+07:00");
        assertThatThrownBy(() -> submit("cong-an-tinh", "ubnd-dong-hung; DE_AN_06; 1; 96; 100\nso-y-te; CHUYEN_DOI_SO; 1; 92; 100"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Dòng 2: lĩnh vực 'CHUYEN_DOI_SO' do Sở Thông tin và"
                        + " Truyền thông (so-tttt) cung cấp, không phải đơn vị gửi bảng này (Công an tỉnh Thái Bình).");
        submit("cong-an-tinh", "ubnd-dong-hung; DE_AN_06; 1; 96; 100\nso-y-te; DE_AN_06; 2; 90,5; 100");
        Task tttt = taskOf("so-tttt", "du-lieu-danh-gia-2023");
        assertThatThrownBy(() -> submit("so-tttt", "so-y-te; CHUYEN_DOI_SO; 1; 92; 100\nso-khong-co; CHUYEN_DOI_SO; 2; 80; 100"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Dòng 2: đơn vị 'so-khong-co' không tham gia phong trào.");
        assertThatThrownBy(() -> submit("so-tttt", "so-y-te; CHUYEN_DOI_SO; 1; 120; 100"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Dòng 1: điểm 120 lớn hơn điểm tối đa 100.");
        // each field comes from its provider (issue #25, point 2): Công an tỉnh's Đề án 06, not Sở TT&TT, and back
        assertThatThrownBy(() -> submit("so-tttt", "so-y-te; DE_AN_06; 1; 92; 100"))
                .isInstanceOf(BadUserRequestException.class).hasMessage("Dòng 1: lĩnh vực 'DE_AN_06' do Công an tỉnh"
                        + " Thái Bình (cong-an-tinh) cung cấp, không phải đơn vị gửi bảng này (Sở Thông tin và Truyền thông).");
        assertThat(taskService.createTaskQuery().taskId(tttt.getId()).count()).as("refusals leave the task open").isEqualTo(1);
        assertThat(store.evaluations(plan.code())).extracting(CampaignStore.EvaluationRow::field).containsOnly("DE_AN_06");

        submit("so-tttt", "# mã đơn vị; lĩnh vực; hạng; điểm; tối đa\nso-y-te; CHUYEN_DOI_SO; 1; 92; 100\n"
                + "ubnd-hung-ha\tCHUYEN_DOI_SO\t1\t88.25\t100\nso-tu-phap; CHUYEN_DOI_SO; 2; 85; 100; tăng 3 bậc\n"
                + "so-gtvt; CHUYEN_DOI_SO; 3\nso-xay-dung; CHUYEN_DOI_SO; 4; ;");
        for (String provider : List.of("vp-tinh-uy", "so-noi-vu")) {
            submit(provider, "so-y-te; " + switch (provider) {
                case "vp-tinh-uy" -> "THAM_DU_HOP";
                default -> "CAI_CACH_HANH_CHINH";
            } + "; 1; 100; 100");
        }
        // THAM_DU_HOP has two providers: Văn phòng UBND tỉnh's row for the same unit is kept beside Văn phòng Tỉnh ủy's
        // (it was refused as "already sent by vp-tinh-uy"), and the criteria read the worse of the two
        submit("vp-ubnd", "so-y-te; NHIEM_VU_UBND_GIAO; 1; 100; 100\nso-y-te; THAM_DU_HOP; 4; 70; 100");
        assertThat(campaigns.evaluationsOf(plan.code(), "so-y-te")).filteredOn(f -> f.field().equals("THAM_DU_HOP"))
                .singleElement().satisfies(f -> {
                    assertThat(f.ranking()).isEqualTo(4);
                    assertThat(f.score()).isEqualByComparingTo("70");
                });

        ProcessClock.advanceTo("2023-12-05T00:00:00+07:00", management);
        assertThat(state("so-khdt")).isEqualTo(State.OVERDUE);
        assertThat(state("so-tttt")).isEqualTo(State.DONE_ON_TIME);
        assertThat(notifications.forGroups(List.of("btdkt"), 200)).extracting(NotificationService.Notice::title)
                .contains("Đơn vị quá hạn: Sở Kế hoạch và Đầu tư - Gửi kết quả đánh giá, xếp hạng năm 2023 (tính đến ngày 30/11/2023)");

        List<CampaignStore.EvaluationRow> rows = store.evaluations(plan.code());
        assertThat(rows).hasSize(11);
        assertThat(rows).filteredOn(r -> r.field().equals("THAM_DU_HOP")).extracting(CampaignStore.EvaluationRow::ranking)
                .containsExactlyInAnyOrder(1, 4);
        assertThat(rows).filteredOn(r -> r.agencyCode().equals("so-gtvt")).singleElement().satisfies(row -> {
            assertThat(row.ranking()).as("a rank with no score").isEqualTo(3);
            assertThat(row.score()).isNull();
            assertThat(row.maxScore()).isNull();
        });
        assertThat(rows).filteredOn(r -> r.agencyCode().equals("ubnd-hung-ha")).singleElement().satisfies(row -> {
            assertThat(row.field()).isEqualTo("CHUYEN_DOI_SO");
            assertThat(row.ranking()).isEqualTo(1);
            assertThat(row.score()).isEqualByComparingTo(new BigDecimal("88.25"));
            assertThat(row.maxScore()).isEqualByComparingTo(BigDecimal.valueOf(100));
        });
        assertThat(rows).filteredOn(r -> r.agencyCode().equals("so-tu-phap")).singleElement()
                .extracting(CampaignStore.EvaluationRow::note).isEqualTo("tăng 3 bậc");
    }

    private void submit(String provider, String table) {
        String taskId = taskOf(provider, "du-lieu-danh-gia-2023").getId();
        AsOfficer.run(identityService, "cb." + provider, () -> taskService.complete(taskId, Map.of("evaluationRows", table)));
    }

    private State state(String provider) {
        return report.of(plan.code()).units().stream().filter(u -> u.agencyCode().equals(provider)).findFirst().orElseThrow()
                .milestones().get("du-lieu-danh-gia-2023").state();
    }

    private Task taskOf(String unit, String milestone) {
        return taskService.createTaskQuery().processInstanceBusinessKey(plan.code() + "/" + milestone + "/" + unit)
                .singleResult();
    }
}
