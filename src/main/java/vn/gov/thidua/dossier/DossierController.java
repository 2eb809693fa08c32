package vn.gov.thidua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.gov.thidua.dossier.DossierApi.AttachmentView;
import vn.gov.thidua.dossier.DossierApi.DossierChange;
import vn.gov.thidua.dossier.DossierApi.DossierView;
import vn.gov.thidua.dossier.DossierApi.EventView;
import vn.gov.thidua.dossier.DossierApi.FigureView;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.NomineeView;
import vn.gov.thidua.dossier.DossierApi.PreCheckView;
import vn.gov.thidua.dossier.DossierStore.Attachment;

@RestController
@Tag(name = "Hồ sơ đề nghị khen thưởng", description = "Lập, bổ sung, nộp hồ sơ; tài liệu đính kèm; lịch sử xử lý")
public class DossierController {

    private final DossierService dossiers;
    private final AttachmentService attachments;
    private final DossierAccess access;

    DossierController(DossierService dossiers, AttachmentService attachments, DossierAccess access) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.access = access;
    }

    @PostMapping(path = "/api/dossiers", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Lập hồ sơ trong đợt đang mở; sai dữ liệu: 400, đợt chưa mở hoặc quá hạn, đối tượng đã được khen"
            + " hoặc đã được đơn vị đề nghị trong đợt: 409")
    public ResponseEntity<DossierView> create(@RequestBody NewDossier request, Principal principal) {
        access.requireProposer(request == null ? null : request.proposingAgency());
        Dossier d;
        try {
            d = dossiers.create(request, actor(principal));
        } catch (DuplicateKeyException raced) {
            // a request of the same unit took the dossier's number or its nominee first, and has committed since (its row
            // held ours): asked again, the nominee check names that dossier, or a different nominee takes the next number
            d = dossiers.create(request, actor(principal));
        }
        return ResponseEntity.created(URI.create("/api/dossiers/" + d.id())).body(view(d));
    }

    @GetMapping(path = "/api/dossiers", produces = "application/json")
    @Operation(summary = "Danh sách hồ sơ theo phong trào, đợt, đơn vị đề nghị, trạng thái")
    public List<DossierView> list(@RequestParam(required = false) String campaign,
                                  @RequestParam(required = false) String round,
                                  @RequestParam(required = false) String agency,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "100") int limit,
                                  @RequestParam(defaultValue = "0") int offset) {
        return dossiers.list(campaign, round, agency, status, limit, offset).stream().filter(access::mayRead).map(this::view).toList();
    }

    @GetMapping(path = "/api/dossiers/{id}", produces = "application/json")
    @Operation(summary = "Một hồ sơ: đối tượng, số liệu, kết quả kiểm tra sơ bộ, tài liệu")
    public DossierView get(@PathVariable long id) {
        Dossier d = dossiers.require(id);
        access.requireRead(d);
        return view(d);
    }

    @PutMapping(path = "/api/dossiers/{id}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Sửa hồ sơ đang lập hoặc bị trả lại để bổ sung (409 ở trạng thái khác)")
    public DossierView change(@PathVariable long id, @RequestBody DossierChange change, Principal principal) {
        access.requireProposer(dossiers.require(id));
        return view(dossiers.change(id, change, actor(principal)));
    }

    @PostMapping(path = "/api/dossiers/{id}/submit", produces = "application/json")
    @Operation(summary = "Nộp hồ sơ (hoặc nộp lại sau khi bổ sung): kiểm tra thành phần, hạn nộp, rồi kiểm tra sơ bộ theo DMN")
    public DossierView submit(@PathVariable long id, Principal principal) {
        access.requireProposer(dossiers.require(id));
        return view(dossiers.submit(id, actor(principal)));
    }

    @GetMapping(path = "/api/dossiers/{id}/history", produces = "application/json")
    @Operation(summary = "Lịch sử xử lý hồ sơ: ai, khi nào, chuyển sang trạng thái nào, vì sao")
    public List<EventView> history(@PathVariable long id) {
        access.requireRead(dossiers.require(id));
        return dossiers.events(id).stream().map(e -> new EventView(e.occurredAt(), e.actor(), e.status().name(),
                e.status().label(), e.action(), e.note())).toList();
    }

    @PostMapping(path = "/api/dossiers/{id}/attachments", consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Tải lên tài liệu (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG; kiểm tra theo nội dung tệp; tối đa theo"
            + " app.dossier.max-attachment-size)")
    public ResponseEntity<AttachmentView> upload(@PathVariable long id,
                                                 @Parameter(description = "PROPOSAL_LETTER, COUNCIL_MINUTES, ACHIEVEMENT_REPORT, OTHER")
                                                 @RequestParam(required = false) String documentType,
                                                 @RequestParam(required = false) MultipartFile file, Principal principal) {
        access.requireProposer(dossiers.require(id));
        Attachment attachment;
        try (InputStream content = file == null ? null : file.getInputStream()) {
            attachment = attachments.upload(id, documentType, file == null ? null : file.getOriginalFilename(), content,
                    actor(principal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.created(URI.create(DossierSummary.downloadUrl(attachment))).body(view(attachment));
    }

    @GetMapping(path = "/api/dossiers/{id}/attachments", produces = "application/json")
    @Operation(summary = "Các tài liệu của hồ sơ")
    public List<AttachmentView> attachments(@PathVariable long id) {
        access.requireRead(dossiers.require(id));
        return attachments.list(id).stream().map(DossierController::view).toList();
    }

    @GetMapping("/api/dossiers/{id}/attachments/{n}")
    @Operation(summary = "Tải về tài liệu số n của hồ sơ (kèm mã SHA-256 trong ETag)")
    public ResponseEntity<Resource> download(@PathVariable long id, @PathVariable int n) {
        access.requireRead(dossiers.require(id));
        AttachmentService.Download download = attachments.download(id, n);
        Attachment a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .eTag("\"" + a.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.path()));
    }

    @DeleteMapping("/api/dossiers/{id}/attachments/{n}")
    @Operation(summary = "Gỡ tài liệu khỏi hồ sơ đang lập hoặc bị trả lại (lịch sử vẫn ghi lại)")
    public ResponseEntity<Void> remove(@PathVariable long id, @PathVariable int n, Principal principal) {
        access.requireProposer(dossiers.require(id));
        attachments.remove(id, n, actor(principal));
        return ResponseEntity.noContent().build();
    }

    DossierView view(Dossier d) {
        List<FigureView> figures = dossiers.figures(d.id()).stream().map(f -> new FigureView(f.field(), f.ranking(), f.score(),
                f.maxScore(), DossierSummary.percent(f), f.source().name())).toList();
        PreCheckView preCheck = d.precheckedAt() == null ? null : new PreCheckView(d.criteriaOutcome(),
                DossierSummary.outcomeLabel(d.criteriaOutcome()), d.criteriaReason(), d.quotaWithin(), d.quotaReason(),
                d.precheckedAt());
        return new DossierView(d.id(), d.businessKey(), d.campaignCode(), d.roundKey(), d.awardForm(), d.proposingAgency(),
                new NomineeView(d.nomineeKind().name(), d.nomineeKind().label(), d.nomineeLevel(), d.nomineeName(),
                        d.nomineeIdentifier(), d.nomineeAgencyCode(), d.nomineePosition(), d.nomineeUnit()),
                d.achievementSummary(), d.status().name(), d.status().label(), d.late(), d.dueAt(), d.createdAt(),
                d.createdBy(), d.submittedAt(), preCheck, d.lastNote(), d.awardApproved(), figures,
                attachments.list(d.id()).stream().map(DossierController::view).toList(), dossiers.missingDocuments(d.id()));
    }

    static AttachmentView view(Attachment a) {
        return new AttachmentView(a.n(), a.documentType().name(), a.documentType().label(), a.fileName(), a.contentType(),
                a.sizeBytes(), a.sha256(), a.uploadedAt(), a.uploadedBy(), DossierSummary.downloadUrl(a));
    }

    static String actor(Principal principal) {
        return principal == null ? "system" : principal.getName();
    }
}
