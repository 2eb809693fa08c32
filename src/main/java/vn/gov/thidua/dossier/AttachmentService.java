package vn.gov.thidua.dossier;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.dossier.DossierStore.Attachment;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.system.PlainText;

/** The documents of a dossier: added and removed while the unit prepares it, downloaded by everyone after. */
@Service
@Transactional
public class AttachmentService {

    /** A stored document and where its bytes are. */
    public record Download(Attachment attachment, Path path) {
    }

    private final DossierService dossiers;
    private final DossierStore store;
    private final AttachmentStorage storage;
    private final Clock clock;

    AttachmentService(DossierService dossiers, DossierStore store, AttachmentStorage storage, Clock clock) {
        this.dossiers = dossiers;
        this.store = store;
        this.storage = storage;
        this.clock = clock;
    }

    /** Checks everything, then keeps the file and its metadata; a refusal keeps neither. */
    public Attachment upload(long dossierId, String documentType, String fileName, InputStream content, String actor) {
        Dossier d = dossiers.require(dossierId);
        if (!d.status().editable()) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label()
                    + "': chỉ thêm tài liệu khi hồ sơ đang lập hoặc bị trả lại để bổ sung.");
        }
        DocumentType type = documentType(documentType);
        String name = fileName(fileName);
        if (content == null) {
            throw ApiException.invalid("file", "Chưa chọn tệp để tải lên.");
        }
        AttachmentStorage.StoredFile stored = storage.store(content, name);
        int n = store.nextAttachmentNumber(dossierId);
        store.insertAttachment(dossierId, n, type, name, stored.contentType(), stored.size(), stored.sha256(), clock.instant(),
                actor);
        store.event(dossierId, clock.instant(), actor, d.status(), "ATTACHMENT_ADDED", n + ". " + type.label() + ": " + name);
        return store.attachment(dossierId, n).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(long dossierId) {
        return store.attachments(dossiers.require(dossierId).id());
    }

    @Transactional(readOnly = true)
    public Download download(long dossierId, int n) {
        dossiers.require(dossierId);
        Attachment attachment = store.attachment(dossierId, n).orElseThrow(() ->
                ApiException.notFound("Hồ sơ số " + dossierId + " không có tài liệu số " + n + "."));
        Path path = storage.pathOf(attachment.sha256());
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("The file of attachment " + dossierId + "/" + n + " is missing at " + path);
        }
        return new Download(attachment, path);
    }

    /** Takes a document out of the dossier; the record stays in its history. */
    public void remove(long dossierId, int n, String actor) {
        Dossier d = dossiers.require(dossierId);
        Attachment attachment = store.attachment(dossierId, n).orElseThrow(() ->
                ApiException.notFound("Hồ sơ số " + dossierId + " không có tài liệu số " + n + "."));
        if (!d.status().editable()) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label()
                    + "': chỉ gỡ tài liệu khi hồ sơ đang lập hoặc bị trả lại để bổ sung.");
        }
        store.removeAttachment(dossierId, n, clock.instant(), actor);
        store.event(dossierId, clock.instant(), actor, d.status(), "ATTACHMENT_REMOVED",
                n + ". " + attachment.documentType().label() + ": " + attachment.fileName());
    }

    private static DocumentType documentType(String value) {
        String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(DocumentType.values()).filter(t -> t.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.invalid("documentType", "Loại tài liệu phải là một trong: "
                        + Arrays.stream(DocumentType.values()).map(t -> t.name() + " (" + t.label() + ")")
                        .collect(Collectors.joining(", ")) + "."));
    }

    /** The name as the officer's computer gave it, without any folder or quotes. */
    private static String fileName(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("file", "Chưa chọn tệp để tải lên.");
        }
        String name = value.replace('\\', '/');
        // control characters are refused, as in all text (PlainText), not silently dropped: the name is what the officer chose
        PlainText.require(name, "file", false);
        name = name.substring(name.lastIndexOf('/') + 1).replace("\"", "").trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.invalid("file", "Tên tệp không hợp lệ.");
        }
        if (name.length() > 255) {
            throw ApiException.invalid("file", "Tên tệp dài quá 255 ký tự.");
        }
        return name;
    }
}
