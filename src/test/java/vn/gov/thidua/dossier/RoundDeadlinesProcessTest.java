package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.notification.NotificationService.Notice;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.ProcessClock;
import vn.gov.thidua.support.ProductStory;
import vn.gov.thidua.support.ProductTest;
import vn.gov.thidua.tasklist.TasklistFilters;

/**
 * Issue #25, points 3 and 4, as seed 000 sets them for plan 161's mid-term review: units send dossiers by 12/12/2024,
 * the standing agency (Sở TT&TT) vets them and submits the vetted list to the provincial People's Committee through
 * the provincial public-service portal by 20/12/2024. Both deadlines are reminded at 08:00 on the campaign's reminder
 * working days ([5, 1]), and when one passes with the work undone, whoever must act is told and the Board gets an
 * escalation, the task staying open and listed by Tasklist's "Sắp đến hạn" and "Quá hạn". The portal's receipt is
 * recorded per dossier in Tasklist or for the whole list through the API; the Board's times count from it.
 */
@ProductTest
class RoundDeadlinesProcessTest extends ProductStory {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    DossierService dossiers;
    @Autowired
    AttachmentService attachments;
    @Autowired
    PortalSubmissions portal;
    @Autowired
    NotificationService notifications;
    @Autowired
    TasklistFilters filters;
    @Autowired
    TestRestTemplate anonymous;

    String campaign;

    @AfterEach
    void resetClock() {
        identityService.clearAuthentication();
    }

    @Test
    void nominationDeadline_isRemindedOnTheReminderWorkingDays_andWhenItPassesTheUnitAndTheBoardAreTold_theTaskStaying() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long draft = create("so-y-te", "so-y-te");
        long sent = create("ubnd-hung-ha", "ubnd-hung-ha");
        submit(sent);
        ProcessInstance draftProcess = instance(draft);

        // "trước ngày 12/12/2024": the last day is Wed 11/12; 5 working days back is Thu 05/12, 08:00
        ProcessClock.advanceTo("2024-12-05T07:59:00+07:00", management);
        assertThat(notices("so-y-te", draft, "REMINDER")).isEmpty();
        ProcessClock.advanceTo("2024-12-05T08:00:00+07:00", management);
        assertThat(notices("so-y-te", draft, "REMINDER")).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Nhắc hạn nộp hồ sơ: Sở Y tế (tập thể cơ quan, địa phương) (còn 5 ngày làm việc)");
            assertThat(n.body()).contains("chưa được nộp", "Hạn: trước 00:00 ngày 12/12/2024", "bộ lọc 'Sắp đến hạn'");
        });
        ProcessClock.advanceTo("2024-12-06T08:00:00+07:00", management);
        ProcessClock.advanceTo("2024-12-09T08:00:00+07:00", management);
        assertThat(notices("so-y-te", draft, "REMINDER")).as("no reminder on days that are not reminder days").hasSize(1);
        ProcessClock.advanceTo("2024-12-11T08:00:00+07:00", management);
        assertThat(notices("so-y-te", draft, "REMINDER")).extracting(Notice::title)
                .contains("Nhắc hạn nộp hồ sơ: Sở Y tế (tập thể cơ quan, địa phương) (hạn cuối hôm nay)").hasSize(2);
        assertThat(notices("ubnd-hung-ha", sent, "REMINDER")).as("a submitted dossier is not reminded").isEmpty();
        String prepare = task(draft, "Task_PrepareDossier").getId();
        assertThat(filterList("so-y-te", TasklistFilters.DUE_SOON)).contains(prepare);
        assertThat(filterList("so-y-te", TasklistFilters.OVERDUE)).doesNotContain(prepare);

        ProcessClock.advanceTo("2024-12-11T23:59:00+07:00", management);
        assertThat(notices("so-y-te", draft, "OVERDUE")).isEmpty();
        ProcessClock.advanceTo("2024-12-12T00:00:00+07:00", management);
        assertThat(notices("so-y-te", draft, "OVERDUE")).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Quá hạn nộp hồ sơ: Sở Y tế (tập thể cơ quan, địa phương)");
            assertThat(n.body()).contains("Hạn là trước 00:00 ngày 12/12/2024", "không còn nộp được",
                    "sẽ được đóng khi kết thúc phong trào").doesNotContain("..");
        });
        assertThat(notices("btdkt", draft, "ESCALATION")).singleElement().satisfies(n -> assertThat(n.title())
                .isEqualTo("Quá hạn nộp hồ sơ: Sở Y tế (tập thể cơ quan, địa phương) - Sở Y tế"));
        assertThat(draftProcess).hasPassed("Task_RemindNomination", "Task_EscalateNominationOverdue")
                .isWaitingAt("Task_PrepareDossier");
        assertThat(dossiers.events(draft)).extracting(DossierStore.Event::action).contains("OVERDUE");
        ProcessClock.at("2024-12-12T09:00:00+07:00");
        assertThat(filterList("so-y-te", TasklistFilters.OVERDUE)).contains(prepare);

        ProcessClock.advanceTo("2024-12-13T08:00:00+07:00", management);
        assertThat(notices("so-y-te", draft, "REMINDER")).as("no reminder after the deadline").hasSize(2);
        assertThat(notices("so-y-te", draft, "OVERDUE")).as("told once").hasSize(1);
    }

    @Test
    void theVettedListGoesThroughThePortal_withItsReceipt_andTheVettingAndPortalDeadlineIsWatched() {
        campaign = MidTermRound.open(campaigns, runtimeService, taskService, management, identityService, "REFUSE");
        ProcessClock.at("2024-12-02T09:00:00+07:00");
        long health = create("so-y-te", "so-y-te");
        long district = create("ubnd-hung-ha", "ubnd-hung-ha");
        long late = create("ubnd-vu-thu", "ubnd-vu-thu");
        for (long id : List.of(health, district, late)) {
            submit(id);
        }

        ProcessClock.at("2024-12-12T09:00:00+07:00");
        vet(health);
        vet(district);
        Task toPortal = task(health, "Task_SubmitToPortal");
        assertThat(toPortal.getName()).isEqualTo("Nộp hồ sơ lên Cổng dịch vụ công tỉnh: Sở Y tế (tập thể cơ quan, địa phương)");
        assertThat(taskService.getIdentityLinksForTask(toPortal.getId())).extracting(IdentityLink::getGroupId).containsExactly("so-tttt");
        assertThat(toPortal.getDueDate().toInstant()).as("trước ngày 20/12/2024")
                .isEqualTo(OffsetDateTime.parse("2024-12-20T00:00:00+07:00").toInstant());
        assertThat(dossiers.require(health).status()).isEqualTo(DossierStatus.VETTED);
        assertThat(task(health, "Task_CheckDossierComplete")).as("the Board waits for the portal").isNull();

        // the last day is Thu 19/12; 5 working days back is Fri 13/12
        ProcessClock.advanceTo("2024-12-13T08:00:00+07:00", management);
        assertThat(notices("so-tttt", late, "REMINDER")).extracting(Notice::title)
                .containsExactly("Nhắc hạn xét chọn hồ sơ: Ủy ban nhân dân huyện Vũ Thư (tập thể cơ quan, địa phương) (còn 5 ngày làm việc)");
        assertThat(notices("so-tttt", district, "REMINDER")).extracting(Notice::title).containsExactly(
                "Nhắc hạn nộp hồ sơ lên Cổng dịch vụ công tỉnh: Ủy ban nhân dân huyện Hưng Hà (tập thể cơ quan, địa phương) (còn 5 ngày làm việc)");

        ProcessClock.at("2024-12-18T10:00:00+07:00");
        Map<String, Object> list = new HashMap<>(Map.of("campaignCode", campaign, "roundKey", MidTermRound.ROUND,
                "receiptNumber", "000.00.12.H57-241218-0001", "receiptDate", "2024-12-18", "dossierIds", List.of(health)));
        ResponseEntity<Map<String, Object>> byUnit = post("ubnd-hung-ha", list, PROBLEM);
        assertThat(byUnit.getStatusCode().value()).isEqualTo(403);
        assertThat((String) byUnit.getBody().get("detail")).isEqualTo("Chỉ Sở Thông tin và Truyền thông, cơ quan thường trực của"
                + " phong trào, nộp hồ sơ đã xét chọn lên Cổng dịch vụ công.");
        Map<String, Object> noNumber = new HashMap<>(list);
        noNumber.put("receiptNumber", " ");
        ResponseEntity<Map<String, Object>> missing = post("so-tttt", noNumber, PROBLEM);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat((String) missing.getBody().get("detail")).isEqualTo("Ghi số tiếp nhận hồ sơ trên Cổng dịch vụ công.");
        Map<String, Object> notWaiting = new HashMap<>(list);
        notWaiting.put("dossierIds", List.of(health, late));
        ResponseEntity<Map<String, Object>> refused = post("so-tttt", notWaiting, PROBLEM);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((String) refused.getBody().get("detail")).isEqualTo("Hồ sơ số " + late
                + " không chờ nộp lên Cổng dịch vụ công trong đợt này.");
        assertThat(task(health, "Task_SubmitToPortal")).as("a refused list records nothing").isNotNull();
        assertThat(portal.receipt(health)).isEmpty();

        ResponseEntity<List<Map<String, Object>>> submitted = post("so-tttt", list, LIST);
        assertThat(submitted.getStatusCode().value()).isEqualTo(200);
        assertThat(submitted.getBody()).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "VETTED"));
        assertThat(portal.receipt(health)).hasValueSatisfying(r -> {
            assertThat(r.receiptNumber()).isEqualTo("000.00.12.H57-241218-0001");
            assertThat(r.receiptDate()).hasToString("2024-12-18");
            assertThat(r.recordedBy()).isEqualTo("cb.so-tttt");
        });
        assertThat(dossiers.events(health)).extracting(DossierStore.Event::note)
                .contains("Đã nộp lên Cổng dịch vụ công tỉnh: số tiếp nhận 000.00.12.H57-241218-0001 ngày 18/12/2024");
        // the Board's 5 working days count from the portal submission: Wed 18/12 → Wed 25/12
        assertThat(task(health, "Task_CheckDossierComplete").getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-12-25T23:59:59+07:00").toInstant());
        assertThat(instance(health)).hasPassed("Task_SubmitToPortal", "Task_RecordPortalSubmission")
                .isWaitingAt("Task_CheckDossierComplete");

        // one dossier at a time in Tasklist: a receipt dated tomorrow is refused
        String complete = "/engine-rest/task/" + task(district, "Task_SubmitToPortal").getId() + "/complete";
        ResponseEntity<Map<String, Object>> tomorrow = as("so-tttt").exchange(complete, HttpMethod.POST, new HttpEntity<>(
                variables(Map.of("portalReceiptNumber", "000.00.12.H57-241219-0002", "portalReceiptDate", "2024-12-19")), json()), PROBLEM);
        assertThat(tomorrow.getStatusCode().value()).isEqualTo(400);
        assertThat((String) tomorrow.getBody().get("message")).isEqualTo("Ngày tiếp nhận không thể sau ngày hôm nay.");

        ProcessClock.advanceTo("2024-12-20T00:00:00+07:00", management);
        assertThat(notices("so-tttt", late, "OVERDUE")).extracting(Notice::title)
                .containsExactly("Quá hạn xét chọn hồ sơ: Ủy ban nhân dân huyện Vũ Thư (tập thể cơ quan, địa phương)");
        assertThat(notices("so-tttt", district, "OVERDUE")).extracting(Notice::title)
                .containsExactly("Quá hạn nộp hồ sơ lên Cổng dịch vụ công tỉnh: Ủy ban nhân dân huyện Hưng Hà (tập thể cơ quan, địa phương)");
        assertThat(notices("btdkt", district, "ESCALATION")).extracting(Notice::body).singleElement().asString()
                .contains("Sở Thông tin và Truyền thông chưa nộp hồ sơ lên Cổng dịch vụ công tỉnh", "hạn trước 00:00 ngày 20/12/2024");
        assertThat(notices("btdkt", late, "ESCALATION")).hasSize(1);
        assertThat(notices("so-tttt", health, "OVERDUE")).as("submitted in time").isEmpty();
        assertThat(instance(late)).hasPassed("Task_RemindVetting", "Task_EscalateVettingOverdue").isWaitingAt("Task_VetDossier");
        assertThat(instance(district)).hasPassed("Task_RemindPortalSubmission", "Task_EscalatePortalSubmissionOverdue")
                .isWaitingAt("Task_SubmitToPortal");

        ProcessClock.at("2024-12-20T09:00:00+07:00");
        assertThat(filterList("so-tttt", TasklistFilters.OVERDUE)).contains(task(district, "Task_SubmitToPortal").getId(),
                task(late, "Task_VetDossier").getId());
        assertThat(as("so-tttt").exchange(complete, HttpMethod.POST, new HttpEntity<>(variables(Map.of("portalReceiptNumber",
                "000.00.12.H57-241220-0003", "portalReceiptDate", "2024-12-20")), json()), String.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(instance(district)).isWaitingAt("Task_CheckDossierComplete");
    }

    // ---------------------------------------------------------------- helpers

    private long create(String proposer, String nomineeAgency) {
        long id = dossiers.create(new NewDossier(campaign, MidTermRound.ROUND, MidTermRound.AWARD_FORM, proposer,
                new Nominee("AGENCY", null, null, nomineeAgency, null, null, null), "Hoàn thành xuất sắc nhiệm vụ năm 2024.",
                List.of()), "cb." + proposer).id();
        MidTermRound.uploadRequiredDocuments(attachments, id, "cb." + proposer);
        return id;
    }

    private void submit(long id) {
        dossiers.submit(id, "cb." + dossiers.require(id).proposingAgency());
    }

    private void vet(long id) {
        MidTermRound.asUser(identityService, "cb.so-tttt", () -> taskService.complete(task(id, "Task_VetDossier").getId(),
                Map.of("vettingDecision", "ACCEPT", "vettingNote", "Đạt.")));
    }

    private ProcessInstance instance(long id) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(dossiers.require(id).processInstanceId()).singleResult();
    }

    private Task task(long id, String key) {
        return taskService.createTaskQuery().processInstanceId(dossiers.require(id).processInstanceId()).taskDefinitionKey(key)
                .singleResult();
    }

    /** The notices of one dossier of this story's campaign to an agency, of one kind. */
    private List<Notice> notices(String group, long dossier, String kind) {
        return notifications.forGroups(List.of(group), 1000).stream().filter(n -> campaign.equals(n.campaignCode()))
                .filter(n -> ("dossier/" + dossier).equals(n.subjectRef())).filter(n -> kind.equals(n.kind())).toList();
    }

    /** The ids of the tasks one of Tasklist's stored filters lists for an agency's officer, through the engine's REST API. */
    private List<String> filterList(String agency, String filter) {
        ResponseEntity<List<Map<String, Object>>> tasks = as(agency).exchange("/engine-rest/filter/" + filters.filterId(filter)
                + "/list?maxResults=500", HttpMethod.GET, null, LIST);
        assertThat(tasks.getStatusCode().value()).isEqualTo(200);
        return tasks.getBody().stream().map(t -> (String) t.get("id")).toList();
    }

    private <T> ResponseEntity<T> post(String agency, Map<String, Object> body, ParameterizedTypeReference<T> type) {
        return as(agency).exchange("/api/portal-submissions", HttpMethod.POST, new HttpEntity<>(body, json()), type);
    }

    private TestRestTemplate as(String agency) {
        return anonymous.withBasicAuth("cb." + agency, AsOfficer.PASSWORD);
    }

    private static Map<String, Object> variables(Map<String, String> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
        return Map.of("variables", variables);
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
