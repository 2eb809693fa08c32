package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.dossier.DossierApi.AwardView;
import vn.gov.thidua.dossier.DossierApi.DecisionItem;
import vn.gov.thidua.dossier.DossierApi.DecisionRequest;
import vn.gov.thidua.dossier.DossierApi.DecisionView;
import vn.gov.thidua.dossier.DossierApi.Figure;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;

/**
 * Award dossiers of plan 161/KH-UBND's mid-term review (sơ kết 2024) through the `award-dossier` model: nominations
 * checked against the plan's criteria and quotas by DMN, vetting by Sở TT&TT with a return for supplement, the Board's
 * statutory times in working days across 01/01/2025 and Tết, and the Chairman's decision, one by one and as a list.
 */
@ProductTest
class AwardDossierProcessTest extends ProductStory {

    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AwardService awards;
    @Autowired
    NotificationService notifications;
    @Autowired
    TestRestTemplate anonymous;

    /** The API as an administrator; who else may do what is SecurityMatrixTest's subject. */
    TestRestTemplate http;

    @BeforeEach
    void asAdministrator() {
        http = anonymous.withBasicAuth("admin", AsOfficer.PASSWORD);
    }

    String campaign;

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void plan161MidTerm_eligibleIneligibleAndOverQuotaNominations_arePreCheckedForTheStandingAgency() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");

        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long health = create("so-y-te", agency("so-y-te"), List.of(new Figure("CHUYEN_DOI_SO", 1, new BigDecimal("99"), BigDecimal.TEN.pow(2))));
        assertThat(dossiers.figures(health)).singleElement().satisfies(f -> {
            assertThat(f.ranking()).as("the campaign's DTI result stands over the unit's own figure").isEqualTo(2);
            assertThat(f.source()).isEqualTo(DossierStore.FigureSource.EVALUATION);
        });
        Dossier draft = dossiers.require(health);
        assertThat(draft.businessKey()).isEqualTo(campaign + "/so-ket-2024/so-y-te/1");
        assertThat(draft.status()).isEqualTo(DossierStatus.DRAFT);
        ProcessInstance healthProcess = instance(health);
        assertThat(healthProcess).isWaitingAt("Task_PrepareDossier");
        Task prepare = task(health, "Task_PrepareDossier");
        assertThat(prepare.getName()).isEqualTo("Hoàn thiện, nộp hồ sơ: Sở Y tế (tập thể cơ quan, địa phương)");
        assertThat(candidates(prepare)).containsExactly("so-y-te");
        assertThat(prepare.getDueDate().toInstant()).isEqualTo(instant("2024-12-12T00:00:00+07:00"));
        assertThat((String) taskService.getVariable(prepare.getId(), "dossierSummary"))
                .contains("Hạn nộp: trước 00:00 ngày 12/12/2024", "CHUYEN_DOI_SO: hạng 2, điểm 92/100 (92.00%)");
        assertThat((String) taskService.getVariable(prepare.getId(), "documentLinks"))
                .isEqualTo("Chưa có tài liệu. [Mở trang hồ sơ để tải tài liệu lên](/dossiers.html?id=" + health + ")");

        assertThatThrownBy(() -> dossiers.submit(health, "cb.so-y-te")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Hồ sơ còn thiếu: Tờ trình; Biên bản họp Hội đồng Thi đua - Khen thưởng; Báo cáo thành tích");
        assertThat(dossiers.require(health).status()).as("a refused submission changes nothing").isEqualTo(DossierStatus.DRAFT);
        assertThat(healthProcess).isWaitingAt("Task_PrepareDossier");

        long justice = create("so-tu-phap", agency("so-tu-phap"), List.of());
        long official1 = create("ubnd-vu-thu", individual("Trần Văn An", "034085000101", "Trưởng phòng Văn hóa - Thông tin"), List.of());
        long official2 = create("ubnd-vu-thu", individual("Phạm Thị Bình", "034190000202", "Chuyên viên Văn phòng HĐND-UBND"), List.of());
        long official3 = create("ubnd-vu-thu", individual("Lê Văn Cường", "034088000303", "Phó Chủ tịch UBND xã Minh Lãng"), List.of());
        long hospital = create("so-y-te", subordinate("Bệnh viện Đa khoa tỉnh"), List.of());
        long centre = create("so-y-te", subordinate("Trung tâm Kiểm soát bệnh tật tỉnh"), List.of());
        long enterprise = create("hiep-hoi-dn", enterprise("Công ty Cổ phần Công nghệ số Thái Bình", "1000123456"), List.of());
        long science = create("so-khcn", individual("Ngô Thị Dung", "034192000404", "Trưởng phòng Quản lý công nghệ"),
                List.of(new Figure("CHUYEN_DOI_SO", 4, null, null)));
        for (long id : List.of(health, justice, official1, official2, official3, hospital, centre, enterprise, science)) {
            Dossier d = dossiers.require(id);
            MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + d.proposingAgency());
            if (id != official3 && id != centre) {
                dossiers.submit(id, "cb." + d.proposingAgency());
            }
        }
        // plan 161's quotas hold: the district's third official and the department's second unit are not taken
        assertThatThrownBy(() -> dossiers.submit(official3, "cb.ubnd-vu-thu")).isInstanceOf(ApiException.class)
                .hasMessageContaining("Vượt hạn mức: mỗi huyện, thành phố chỉ đề nghị không quá 02 cá nhân; đây là hồ sơ thứ 3.")
                .hasMessageContaining("Trần Văn An").hasMessageContaining("Phạm Thị Bình");
        assertThatThrownBy(() -> dossiers.submit(centre, "cb.so-y-te")).isInstanceOf(ApiException.class)
                .hasMessageContaining("mỗi sở, ban, ngành chỉ đề nghị không quá 01 tập thể thuộc, trực thuộc");
        assertThat(dossiers.require(official3).status()).isEqualTo(DossierStatus.DRAFT);
        assertThat(instance(centre)).isWaitingAt("Task_PrepareDossier");

        assertPreCheck(health, "ELIGIBLE", "Sở, ban, ngành xếp hạng 2 (cần từ 1 đến 3)", true);
        assertPreCheck(justice, "INELIGIBLE", "đơn vị xếp hạng 5", true);
        assertPreCheck(official1, "ELIGIBLE", "(cấp huyện) xếp hạng 1", true);
        assertPreCheck(official2, "ELIGIBLE", "(cấp huyện) xếp hạng 1", true);
        assertPreCheck(hospital, "ELIGIBLE", "Lĩnh vực chuyển đổi số của sở, ban, ngành xếp hạng 2 (cần từ 1 đến 10)", true);
        assertPreCheck(enterprise, "MANUAL", "Doanh nghiệp, doanh nhân", true);
        assertPreCheck(science, "ELIGIBLE", "(cấp sở, ban, ngành) xếp hạng 4", true);

        assertThat(healthProcess).hasPassed("Task_RecordSubmission", "Task_CheckCriteria", "Task_CheckQuota", "Task_RecordPreCheck")
                .isWaitingAt("Task_VetDossier");
        Task vetting = task(justice, "Task_VetDossier");
        assertThat(vetting.getName()).isEqualTo("Xét chọn hồ sơ: Sở Tư pháp (tập thể cơ quan, địa phương)");
        assertThat(candidates(vetting)).containsExactly("so-tttt");
        assertThat(vetting.getDueDate().toInstant()).as("trước ngày 20/12/2024").isEqualTo(instant("2024-12-20T00:00:00+07:00"));
        assertThat((String) taskService.getVariable(vetting.getId(), "preCheckSummary")).contains("KHÔNG ĐẠT tiêu chuẩn");
        assertThat((String) taskService.getVariable(vetting.getId(), "documentLinks"))
                .contains("(/api/dossiers/" + justice + "/attachments/1)", "Tờ trình: to\\-trinh\\.pdf");

        ProcessClock.at("2024-12-16T10:00:00+07:00");
        ProcessInstance justiceProcess = instance(justice);
        assertThatThrownBy(() -> vet(justice, "REJECT", " ", null)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("Ghi rõ lý do không xét chọn hồ sơ.");
        vet(justice, "REJECT", "Chỉ số DTI xếp hạng 5, không đạt tiêu chuẩn mục IV.3.a Kế hoạch 161/KH-UBND.", null);
        assertThat(justiceProcess).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(dossiers.require(justice).status()).isEqualTo(DossierStatus.REJECTED);
        assertThat(notices("so-tu-phap")).extracting(NotificationService.Notice::title)
                .contains("Hồ sơ không được xét chọn: Sở Tư pháp (tập thể cơ quan, địa phương)");

        vet(official1, "ACCEPT", "Đạt tiêu chuẩn.", null);
        submitToPortal(official1);
        Task completeness = task(official1, "Task_CheckDossierComplete");
        assertThat(candidates(completeness)).containsExactly("btdkt");
        // Mon 16/12 → Tue 17 (1) … Mon 23 (5): due at the end of the 5th working day
        assertThat(completeness.getDueDate().toInstant()).isEqualTo(instant("2024-12-23T23:59:59+07:00"));
        assertThat(dossiers.require(official1).status()).isEqualTo(DossierStatus.VETTED);

        ProcessClock.at("2024-12-12T08:00:00+07:00");
        assertThatThrownBy(() -> create("so-gtvt", agency("so-gtvt"), List.of())).isInstanceOf(ApiException.class)
                .hasMessageContaining("Đã hết hạn nộp hồ sơ đề nghị khen thưởng của đợt 'Sơ kết Phong trào thi đua (Quý IV năm 2024)'"
                        + " (trước ngày 12/12/2024)");
    }

    @Test
    void returnsForSupplement_loopBackToTheUnit_andTheBoardsTimesCountWorkingDaysAcrossNewYearAndTet() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long id = create("so-y-te", agency("so-y-te"), List.of());
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb.so-y-te");
        dossiers.submit(id, "cb.so-y-te");
        ProcessInstance pi = instance(id);

        ProcessClock.at("2024-12-04T10:00:00+07:00");
        assertThatThrownBy(() -> vet(id, "RETURN", "", null)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("Ghi rõ nội dung đơn vị cần bổ sung.");
        assertThatThrownBy(() -> vet(id, "MAYBE", "?", null)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Chọn kết quả xét chọn");
        assertThatThrownBy(() -> vet(id, "RETURN", "Bổ sung", "2024-12-01")).isInstanceOf(BadUserRequestException.class)
                .hasMessage("Hạn bổ sung không thể trước ngày hôm nay.");
        vet(id, "RETURN", "Bổ sung biên bản có chữ ký của Chủ tịch Hội đồng.", "2024-12-10");
        assertThat(dossiers.require(id).status()).isEqualTo(DossierStatus.RETURNED);
        Task supplement = task(id, "Task_PrepareDossier");
        assertThat(supplement.getDueDate().toInstant()).isEqualTo(instant("2024-12-10T23:59:59+07:00"));
        assertThat((String) taskService.getVariable(supplement.getId(), "dossierSummary"))
                .contains("Bổ sung biên bản có chữ ký của Chủ tịch Hội đồng");
        assertThat(notices("so-y-te")).extracting(NotificationService.Notice::body)
                .anyMatch(body -> body.contains("Bổ sung biên bản có chữ ký") && body.contains("hết ngày 10/12/2024"));

        ProcessClock.at("2024-12-06T15:00:00+07:00");
        attachments.upload(id, "COUNCIL_MINUTES", "bien-ban-co-chu-ky.pdf",
                new ByteArrayInputStream(MidTermRound.pdf("Biên bản có chữ ký")), "cb.so-y-te");
        dossiers.submit(id, "cb.so-y-te");
        assertThat(dossiers.require(id).status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(task(id, "Task_VetDossier")).isNotNull();

        ProcessClock.at("2024-12-19T09:00:00+07:00");
        vet(id, "ACCEPT", "Đủ điều kiện.", null);
        submitToPortal(id);
        ProcessClock.at("2024-12-24T10:00:00+07:00");
        asUser("cb.btdkt", () -> taskService.complete(task(id, "Task_CheckDossierComplete").getId(),
                Map.of("dossierComplete", "false", "completenessNote", "Báo cáo thành tích chưa có xác nhận của cấp trình.")));
        Task secondSupplement = task(id, "Task_PrepareDossier");
        // no date given: 5 working days from Tue 24/12/2024
        assertThat(secondSupplement.getDueDate().toInstant()).isEqualTo(instant("2024-12-31T23:59:59+07:00"));
        assertThat(dossiers.require(id).lastNote()).isEqualTo("Báo cáo thành tích chưa có xác nhận của cấp trình.");

        ProcessClock.at("2024-12-27T09:00:00+07:00");
        attachments.upload(id, "ACHIEVEMENT_REPORT", "bao-cao-co-xac-nhan.pdf",
                new ByteArrayInputStream(MidTermRound.pdf("Báo cáo có xác nhận")), "cb.so-y-te");
        dossiers.submit(id, "cb.so-y-te");
        ProcessClock.at("2024-12-30T09:00:00+07:00");
        vet(id, "ACCEPT", null, null);
        submitToPortal(id);
        Task completeness = task(id, "Task_CheckDossierComplete");
        // Mon 30/12 → Tue 31 (1), Wed 01/01 New Year, Thu 2 (2), Fri 3 (3), Mon 6 (4), Tue 7 (5)
        assertThat(completeness.getDueDate().toInstant()).isEqualTo(instant("2025-01-07T23:59:59+07:00"));

        ProcessClock.advanceTo("2025-01-07T23:59:00+07:00", management);
        assertThat(notices("btdkt")).extracting(NotificationService.Notice::kind)
                .doesNotContain("DOSSIER_OVERDUE");
        ProcessClock.advanceTo("2025-01-08T00:00:00+07:00", management);
        assertThat(pi).hasPassed("Task_NotifyCompletenessOverdue").isWaitingAt("Task_CheckDossierComplete");
        assertThat(notices("btdkt")).extracting(NotificationService.Notice::title)
                .contains("Quá hạn kiểm tra tính đầy đủ, hợp lệ: Sở Y tế (tập thể cơ quan, địa phương)");

        ProcessClock.at("2025-01-08T09:00:00+07:00");
        asUser("cb.btdkt", () -> taskService.complete(task(id, "Task_CheckDossierComplete").getId(), Map.of("dossierComplete", "true")));
        Task appraisal = task(id, "Task_AppraiseDossier");
        // Wed 08/01 → 20 working days, Tết 25/01-02/02/2025 skipped: Wed 12/02
        assertThat(appraisal.getDueDate().toInstant()).isEqualTo(instant("2025-02-12T23:59:59+07:00"));
        ProcessClock.advanceTo("2025-02-13T00:00:00+07:00", management);
        assertThat(pi).hasPassed("Task_NotifyAppraisalOverdue").isWaitingAt("Task_AppraiseDossier");

        ProcessClock.at("2025-02-13T10:00:00+07:00");
        assertThatThrownBy(() -> asUser("cb.btdkt", () -> taskService.complete(appraisal.getId(),
                Map.of("appraisalRecommendation", "PROPOSE")))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("Ghi ý kiến thẩm định.");
        asUser("cb.btdkt", () -> taskService.complete(appraisal.getId(), Map.of("appraisalRecommendation", "PROPOSE",
                "appraisalOpinion", "Hồ sơ đủ điều kiện, đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.")));
        assertThat(pi).hasPassed("Task_RecordAppraisal", "Task_SubmitToChairman").isWaitingAt("Task_DecideAward");
        Task decision = task(id, "Task_DecideAward");
        assertThat(candidates(decision)).containsExactly("chu-tich-ubnd");
        assertThat(decision.getDueDate().toInstant()).isEqualTo(instant("2025-02-27T23:59:59+07:00"));
        assertThat(dossiers.require(id).status()).isEqualTo(DossierStatus.SUBMITTED_TO_CHAIRMAN);

        ProcessClock.at("2025-02-20T16:00:00+07:00");
        String number = MidTermRound.decisionNumber();
        asUser("cb.chu-tich-ubnd", () -> taskService.complete(decision.getId(), Map.of("awardApproved", "true",
                "decisionNumber", number, "decisionDate", "2025-02-20")));
        assertThat(pi).isEnded().hasPassed("Task_RecordDecision", "EndEvent_Awarded");
        Dossier awarded = dossiers.require(id);
        assertThat(awarded.status()).isEqualTo(DossierStatus.AWARDED);
        assertThat(awards.awards(campaign, null, null, null, "so-y-te", null, null, 10)).singleElement().satisfies(a -> {
            assertThat(a.decisionNumber()).isEqualTo(number);
            assertThat(a.awardFormName()).isEqualTo("Bằng khen của Chủ tịch UBND tỉnh");
        });
        assertThat(notices("so-y-te")).extracting(NotificationService.Notice::title)
                .contains("Được khen thưởng: Sở Y tế (tập thể cơ quan, địa phương)");
        assertThat(dossiers.events(id)).extracting(e -> e.status().name()).containsSubsequence("DRAFT", "SUBMITTED", "RETURNED",
                "SUBMITTED", "VETTED", "RETURNED", "SUBMITTED", "VETTED", "APPRAISED", "SUBMITTED_TO_CHAIRMAN", "AWARDED");
        assertThat(dossiers.events(id)).filteredOn(e -> e.action().equals("RETURNED")).extracting(DossierStore.Event::actor)
                .containsExactly("cb.so-tttt", "cb.btdkt");
    }

    @Test
    void chairmanDecidesAList_underOneNumber_andTheSameAchievementIsNeverAwardedTwice() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-03T09:00:00+07:00");
        long district = create("ubnd-hung-ha", agency("ubnd-hung-ha"), List.of());
        long official = create("ubnd-vu-thu", individual("Trần Văn An", "034085000111", "Trưởng phòng Văn hóa - Thông tin"), List.of());
        long enterprise = create("hiep-hoi-dn", enterprise("Công ty TNHH Phần mềm Kiến Xương", "1000654321"), List.of());
        // the same official, moved to a department, proposed again by it for the same round
        long sameOfficial = create("so-gtvt", individual("Trần Văn An", "034085000111", "Phó Giám đốc Trung tâm"), List.of());
        long other = create("so-gtvt", agency("so-gtvt"), List.of());
        for (long id : List.of(district, official, enterprise, sameOfficial, other)) {
            bringToChairman(id);
        }

        ProcessClock.at("2025-01-15T10:00:00+07:00");
        ProcessInstance enterpriseProcess = instance(enterprise);
        String number = MidTermRound.decisionNumber();
        ResponseEntity<DecisionView> decided = http.postForEntity("/api/decisions", new DecisionRequest(number,
                java.time.LocalDate.parse("2025-01-15"), "Khen thưởng sơ kết Phong trào Chuyển đổi số", List.of(
                        new DecisionItem(district, true, null), new DecisionItem(official, true, null),
                        new DecisionItem(enterprise, false, "Chưa có thành tích nổi bật"))), DecisionView.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(decided.getBody().number()).isEqualTo(number);
        assertThat(decided.getBody().dossiers()).extracting(DossierApi.DecidedDossier::status)
                .containsExactly("AWARDED", "AWARDED", "NOT_AWARDED");
        assertThat(enterpriseProcess).isEnded().hasPassed("EndEvent_NotAwarded");
        assertThat(notices("ubnd-vu-thu")).extracting(NotificationService.Notice::body)
                .anyMatch(body -> body.contains("Quyết định số " + number + " ngày 15/01/2025: khen thưởng Bằng khen"));

        int decisionsBefore = count("award_decision");
        ResponseEntity<Map<String, Object>> twice = http.exchange("/api/decisions", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(new DecisionRequest(null, null, null, List.of(
                        new DecisionItem(other, true, null), new DecisionItem(sameOfficial, true, null)))),
                new ParameterizedTypeReference<>() { });
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) twice.getBody().get("detail")).isEqualTo("'Trần Văn An' đã được khen thưởng cho thành tích của đợt này"
                + " (Bằng khen của Chủ tịch UBND tỉnh, Quyết định số " + number + " ngày 15/01/2025). Không khen thưởng hai lần"
                + " cho cùng một thành tích (Luật Thi đua, khen thưởng, Điều 5).");
        assertThat(twice.getBody().get("fields")).isEqualTo(Map.of("items[1].dossierId", twice.getBody().get("detail")));
        assertThat(dossiers.require(other).status()).as("the whole list is refused").isEqualTo(DossierStatus.SUBMITTED_TO_CHAIRMAN);
        assertThat(count("award_decision")).isEqualTo(decisionsBefore);

        Task alone = task(sameOfficial, "Task_DecideAward");
        assertThatThrownBy(() -> asUser("cb.chu-tich-ubnd", () -> taskService.complete(alone.getId(),
                Map.of("awardApproved", "true", "decisionDate", "2025-01-15")))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("đã được khen thưởng cho thành tích của đợt này");
        assertThat(count("award_decision")).as("no number is taken by a refused decision").isEqualTo(decisionsBefore);
        asUser("cb.chu-tich-ubnd", () -> taskService.complete(alone.getId(), Map.of("awardApproved", "false",
                "decisionNumber", number, "decisionDate", "2025-01-15", "decisionNote", "Đã khen theo đề nghị của UBND huyện Vũ Thư")));
        assertThat(dossiers.require(sameOfficial).status()).isEqualTo(DossierStatus.NOT_AWARDED);
        assertThat(http.getForEntity("/api/decisions/" + decided.getBody().id(), DecisionView.class).getBody().dossiers())
                .as("the Tasklist decision joined the list's decision by its number and date")
                .extracting(DossierApi.DecidedDossier::dossierId).containsExactly(district, official, enterprise, sameOfficial);
        assertThatThrownBy(() -> jdbc.update("insert into award (campaign_code, round_key, award_form, award_form_name, nominee_kind,"
                + " nominee_key, nominee_name, proposing_agency, dossier_id, decision_id, awarded_at) select campaign_code, round_key,"
                + " award_form, award_form_name, nominee_kind, nominee_key, nominee_name, 'so-gtvt', ?, decision_id, awarded_at"
                + " from award where dossier_id = ?", sameOfficial, official))
                .as("the database holds the rule too").isInstanceOf(DuplicateKeyException.class);

        ProcessClock.at("2025-01-16T09:00:00+07:00");
        assertThatThrownBy(() -> dossiers.create(new NewDossier(campaign, MidTermRound.ROUND, MidTermRound.AWARD_FORM, "ubnd-vu-thu",
                individual("Trần Văn An", "034085000111", "Trưởng phòng"), "Thành tích", List.of()), "cb.ubnd-vu-thu"))
                .isInstanceOf(ApiException.class).hasMessageContaining("đã được khen thưởng");

        assertThat(awardsVia("/api/awards?identifier=034085000111")).singleElement().satisfies(a -> {
            assertThat(a.nomineeName()).isEqualTo("Trần Văn An");
            assertThat(a.proposingAgency()).isEqualTo("ubnd-vu-thu");
            assertThat(a.decisionNumber()).isEqualTo(number);
        });
        assertThat(awardsVia("/api/awards?agencyCode=ubnd-hung-ha&campaign=" + campaign)).singleElement()
                .extracting(AwardView::nomineeKind).isEqualTo("AGENCY");
        assertThat(awardsVia("/api/awards?campaign=" + campaign)).extracting(AwardView::dossierId)
                .containsExactlyInAnyOrder(district, official);
        assertThat(awardsVia("/api/awards?campaign=" + campaign + "&nomineeKind=INDIVIDUAL&name=văn an")).hasSize(1);
    }

    @Test
    void plan46_theFlagGoesOnlyToAUnitLeadingAllThreeFields_andHasNoQuotaRules() {
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_46);
        campaign = plan.code();
        ProcessClock.at("2023-03-28T10:00:00+07:00");
        campaigns.launch(plan.definition(), "cb.btdkt");
        ProcessClock.runDueJobs(management);
        ProcessClock.advanceTo("2023-11-30T00:00:01+07:00", management);
        ProcessClock.at("2023-11-30T10:00:00+07:00");
        sendEvaluations("so-tttt", "so-y-te; CHUYEN_DOI_SO; 1; 95; 100\nubnd-hung-ha; CHUYEN_DOI_SO; 2; 90; 100");
        sendEvaluations("cong-an-tinh", "so-y-te; DE_AN_06; 1; 98; 100\nubnd-hung-ha; DE_AN_06; 1; 97; 100");
        sendEvaluations("so-noi-vu", "so-y-te; CAI_CACH_HANH_CHINH; 1; 92; 100\nubnd-hung-ha; CAI_CACH_HANH_CHINH; 3; 88; 100");
        sendEvaluations("vp-ubnd", "so-y-te; NHIEM_VU_UBND_GIAO; 1; 100; 100\nubnd-hung-ha; NHIEM_VU_UBND_GIAO; 2; 100; 100");

        ProcessClock.advanceTo("2023-12-01T00:00:01+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(campaign).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        asUser("cb.btdkt", () -> taskService.complete(opening.getId(), Map.of("openingNote", "Hướng dẫn tổng kết năm 2023")));
        ProcessClock.runDueJobs(management);

        ProcessClock.at("2023-12-05T09:00:00+07:00");
        long flag = createIn("tong-ket-2023", "co-thi-dua", "so-y-te", agency("so-y-te"));
        long districtFlag = createIn("tong-ket-2023", "co-thi-dua", "ubnd-hung-ha", agency("ubnd-hung-ha"));
        long districtCertificate = createIn("tong-ket-2023", "bang-khen-chu-tich", "ubnd-hung-ha", agency("ubnd-hung-ha"));
        ProcessInstance flagProcess = instance(flag);
        for (long id : List.of(flag, districtFlag, districtCertificate)) {
            Dossier d = dossiers.require(id);
            MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + d.proposingAgency());
            dossiers.submit(id, "cb." + d.proposingAgency());
        }

        assertThat(flagProcess).hasPassed("Task_CheckCriteria", "Task_RecordPreCheck").hasNotPassed("Task_CheckQuota")
                .isWaitingAt("Task_VetDossier");
        assertThat(candidates(task(flag, "Task_VetDossier"))).as("plan 46's standing agency").containsExactly("so-noi-vu");
        assertPreCheck(flag, "ELIGIBLE", "Dẫn đầu (số 1) cả ba lĩnh vực", false);
        assertPreCheck(districtFlag, "INELIGIBLE", "Không dẫn đầu lĩnh vực chuyển đổi số: xếp hạng 2 (cần số 1).", false);
        assertPreCheck(districtCertificate, "ELIGIBLE", "chuyển đổi số 2, Đề án 06 1, cải cách hành chính 3.", true);
        assertThat(dossiers.require(flag).quotaWithin()).as("Cờ thi đua has no quota decision").isNull();
        assertThat(dossiers.figures(flag)).extracting(DossierStore.Figure::field)
                .containsExactly("CAI_CACH_HANH_CHINH", "CHUYEN_DOI_SO", "DE_AN_06", "NHIEM_VU_UBND_GIAO");
    }

    // ---------------------------------------------------------------- steps as officers take them

    private void bringToChairman(long id) {
        Dossier d = dossiers.require(id);
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + d.proposingAgency());
        dossiers.submit(id, "cb." + d.proposingAgency());
        vet(id, "ACCEPT", "Đạt.", null);
        submitToPortal(id);
        asUser("cb.btdkt", () -> taskService.complete(task(id, "Task_CheckDossierComplete").getId(), Map.of("dossierComplete", "true")));
        asUser("cb.btdkt", () -> taskService.complete(task(id, "Task_AppraiseDossier").getId(),
                Map.of("appraisalRecommendation", "PROPOSE", "appraisalOpinion", "Đủ điều kiện.")));
        assertThat(dossiers.require(id).status()).isEqualTo(DossierStatus.SUBMITTED_TO_CHAIRMAN);
    }

    private void vet(long id, String decision, String note, String supplementDue) {
        Map<String, Object> form = new HashMap<>();
        form.put("vettingDecision", decision);
        form.put("vettingNote", note);
        form.put("supplementDue", supplementDue);
        asUser("cb.so-tttt", () -> taskService.complete(task(id, "Task_VetDossier").getId(), form));
    }

    /** The standing agency records the portal's receipt the same day, as the Board's times count from it. */
    private void submitToPortal(long id) {
        asUser("cb.so-tttt", () -> taskService.complete(task(id, "Task_SubmitToPortal").getId(), Map.of(
                "portalReceiptNumber", "000.00.12.H57-" + id, "portalReceiptDate", java.time.LocalDate.ofInstant(
                        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString())));
    }

    private long create(String proposer, Nominee nominee, List<Figure> figures) {
        return dossiers.create(new NewDossier(campaign, MidTermRound.ROUND, MidTermRound.AWARD_FORM, proposer, nominee,
                "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2024.", figures), "cb." + proposer).id();
    }

    private void assertPreCheck(long id, String outcome, String reason, boolean withinQuota) {
        Dossier d = dossiers.require(id);
        assertThat(d.status()).as(d.nomineeName()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(d.criteriaOutcome()).as(d.nomineeName()).isEqualTo(outcome);
        assertThat(d.criteriaReason()).as(d.nomineeName()).contains(reason);
        if (d.quotaWithin() != null || withinQuota) {
            assertThat(d.quotaWithin()).as(d.nomineeName() + " within quota").isEqualTo(withinQuota);
        }
    }

    private long createIn(String round, String awardForm, String proposer, Nominee nominee) {
        return dossiers.create(new NewDossier(campaign, round, awardForm, proposer, nominee,
                "Dẫn đầu các lĩnh vực năm 2023.", List.of()), "cb." + proposer).id();
    }

    private void sendEvaluations(String provider, String table) {
        Task data = taskService.createTaskQuery().processInstanceBusinessKeyLike(campaign + "/%/" + provider)
                .taskDefinitionKey("Task_SubmitEvaluationData").singleResult();
        asUser("cb." + provider, () -> taskService.complete(data.getId(), Map.of("evaluationRows", table)));
    }

    private static Nominee agency(String code) {
        return new Nominee("AGENCY", null, null, code, null, null, null);
    }

    private static Nominee individual(String name, String personalId, String position) {
        return new Nominee("INDIVIDUAL", name, personalId, null, position, "UBND huyện", null);
    }

    private static Nominee subordinate(String name) {
        return new Nominee("SUBORDINATE_UNIT", name, null, null, null, null, null);
    }

    private static Nominee enterprise(String name, String taxCode) {
        return new Nominee("ENTERPRISE", name, taxCode, null, null, null, null);
    }

    /** The dossier's process instance while it runs; keep it to assert on it after it ended. */
    private ProcessInstance instance(long id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(dossiers.require(id).processInstanceId()).singleResult();
    }

    private Task task(long id, String key) {
        return taskService.createTaskQuery().processInstanceId(dossiers.require(id).processInstanceId()).taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> candidates(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private List<AwardView> awardsVia(String url) {
        ResponseEntity<List<AwardView>> response = http.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The notices of this story's campaign: other stories share the database and the engine's jobs. */
    private List<NotificationService.Notice> notices(String group) {
        return notifications.forGroups(List.of(group), 500).stream().filter(n -> campaign.equals(n.campaignCode())).toList();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private void asUser(String user, Runnable step) {
        MidTermRound.asUser(identityService, user, step);
    }

    private static java.time.Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }
}
