package vn.gov.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.support.AsOfficer;
import vn.gov.thidua.support.CampaignFixtures;
import vn.gov.thidua.support.CampaignFixtures.Fixture;
import vn.gov.thidua.support.ProcessClock;

/**
 * A fresh plan-161 campaign whose mid-term round ("so-ket-2024") the Board has opened, with the DTI rankings the
 * criteria read. Plan 161 has no data milestone, so the definition copy adds one: Sở TT&TT sends the DTI table from
 * 25/11/2024, as plan 46's data providers do.
 */
final class MidTermRound {

    static final String ROUND = "so-ket-2024";
    static final String AWARD_FORM = "bang-khen-chu-tich";
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 50_000) + 1000);

    /** DTI 2024: rank and score out of 100, for the units the stories nominate. */
    static final String DTI_TABLE = """
            # mã đơn vị; lĩnh vực; hạng; điểm; tối đa
            so-y-te; CHUYEN_DOI_SO; 2; 92; 100
            so-tu-phap; CHUYEN_DOI_SO; 5; 95; 100
            so-gtvt; CHUYEN_DOI_SO; 12; 70; 100
            ubnd-vu-thu; CHUYEN_DOI_SO; 1; 93,5; 100
            ubnd-hung-ha; CHUYEN_DOI_SO; 3; 91; 100
            """;

    private static final String DTI_MILESTONE = """
              - key: du-lieu-dti-2024
                name: Gửi kết quả xếp hạng chỉ số chuyển đổi số (DTI) năm 2024
                kind: EVALUATION_DATA
                to:
                  agencies: [so-tttt]
                opens: ngày 25/11/2024
                due: trước ngày 05/12/2024
                fields:
                  - { key: CHUYEN_DOI_SO, name: "Chỉ số chuyển đổi số (DTI)" }
            """;

    private MidTermRound() {
    }

    /** Launches the campaign on 11/12/2023, opens the round on 01/11/2024 and records the DTI on 26/11/2024. */
    static String open(CampaignService campaigns, RuntimeService runtimeService, TaskService taskService,
                       ManagementService management, IdentityService identityService, String lateNominations) {
        return open(campaigns, runtimeService, taskService, management, identityService, lateNominations, UnaryOperator.identity());
    }

    /** As above, with the definition changed first (a story's own variant of the plan, say an advisory quota). */
    static String open(CampaignService campaigns, RuntimeService runtimeService, TaskService taskService,
                       ManagementService management, IdentityService identityService, String lateNominations,
                       UnaryOperator<String> variant) {
        Fixture plan = CampaignFixtures.shipped(CampaignFixtures.PLAN_161);
        String definition = variant.apply(plan.definition().replace("  - key: bao-cao-so-ket-2024\n", DTI_MILESTONE + "  - key: bao-cao-so-ket-2024\n")
                .replaceFirst("lateNominations: REFUSE", "lateNominations: " + lateNominations));
        ProcessClock.at("2023-12-11T09:00:00+07:00");
        campaigns.launch(definition, "cb.btdkt");
        ProcessClock.runDueJobs(management);

        ProcessClock.advanceTo("2024-11-01T00:00:01+07:00", management);
        Task opening = taskService.createTaskQuery().processInstanceBusinessKey(plan.code()).taskDefinitionKey("Task_OpenMilestone")
                .singleResult();
        asUser(identityService, "cb.btdkt", () -> taskService.complete(opening.getId(),
                Map.of("openingNote", "Công văn số 812/BTĐKT-NV ngày 15/11/2024 về sơ kết Phong trào")));
        ProcessClock.runDueJobs(management);

        ProcessClock.advanceTo("2024-11-26T09:00:00+07:00", management);
        Task data = taskService.createTaskQuery().processInstanceBusinessKeyLike(plan.code() + "/%/so-tttt")
                .taskDefinitionKey("Task_SubmitEvaluationData").singleResult();
        assertThat(data).as("the DTI data task of Sở TT&TT").isNotNull();
        asUser(identityService, "cb.so-tttt", () -> taskService.complete(data.getId(), Map.of("evaluationRows", DTI_TABLE)));
        return plan.code();
    }

    static void asUser(IdentityService identityService, String user, Runnable step) {
        AsOfficer.run(identityService, user, step);
    }

    /** A decision number no other test of this JVM uses: the numbers are unique in the shared database. */
    static String decisionNumber() {
        return NUMBERS.incrementAndGet() + "/QĐ-UBND";
    }

    // ---------------------------------------------------------------- files as officers send them

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document><w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1,
                8, 2, 0, 0, 0};
    }

    /** The start of a Windows executable: what a "bao-cao.pdf" that is really a program looks like. */
    static byte[] executable() {
        byte[] header = new byte[256];
        header[0] = 'M';
        header[1] = 'Z';
        header[2] = (byte) 0x90;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, header, 78, stub.length);
        return header;
    }

    /** The three documents a dossier needs, as a unit uploads them. */
    static void uploadRequiredDocuments(AttachmentService attachments, long dossierId, String actor) {
        attachments.upload(dossierId, "PROPOSAL_LETTER", "to-trinh.pdf", new ByteArrayInputStream(pdf("Tờ trình " + dossierId)), actor);
        attachments.upload(dossierId, "COUNCIL_MINUTES", "bien-ban-hoi-dong.docx",
                new ByteArrayInputStream(docx("Biên bản họp Hội đồng " + dossierId)), actor);
        attachments.upload(dossierId, "ACHIEVEMENT_REPORT", "bao-cao-thanh-tich.pdf",
                new ByteArrayInputStream(pdf("Báo cáo thành tích " + dossierId)), actor);
    }
}
