package vn.gov.thidua.dossier;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.gov.thidua.system.ApiException;

/**
 * Keeps dossier files under {@code app.dossier.storage-dir}, each named by its SHA-256 (so a file sent twice is
 * kept once and a stored file never changes), after checking size and type. The type is read from the content:
 * the name's extension must agree with what the bytes are, so a renamed executable or a text file called .pdf is
 * refused. Nothing is kept of a refused file.
 */
@Component
class AttachmentStorage {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStorage.class);

    /** What a name's extension promises, and which content-only detections may keep that promise. */
    private record Accepted(String label, MediaType type, Set<MediaType> byContent, String zipFolder) {
    }

    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OLE2 = MediaType.application("x-tika-msoffice");
    private static final Map<String, Accepted> ACCEPTED = Map.of(
            "pdf", new Accepted("PDF", MediaType.application("pdf"), Set.of(MediaType.application("pdf")), null),
            "doc", new Accepted("Word (DOC)", MediaType.application("msword"), Set.of(OLE2, MediaType.application("msword")), null),
            "docx", new Accepted("Word (DOCX)",
                    MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"), Set.of(OOXML, ZIP), "word/"),
            "xls", new Accepted("Excel (XLS)", MediaType.application("vnd.ms-excel"), Set.of(OLE2, MediaType.application("vnd.ms-excel")), null),
            "xlsx", new Accepted("Excel (XLSX)",
                    MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"), Set.of(OOXML, ZIP), "xl/"),
            "jpg", new Accepted("ảnh JPEG", MediaType.image("jpeg"), Set.of(MediaType.image("jpeg")), null),
            "jpeg", new Accepted("ảnh JPEG", MediaType.image("jpeg"), Set.of(MediaType.image("jpeg")), null),
            "png", new Accepted("ảnh PNG", MediaType.image("png"), Set.of(MediaType.image("png")), null));
    static final String ACCEPTED_LIST = "PDF, DOC, DOCX, XLS, XLSX, JPG, JPEG, PNG";

    record StoredFile(String sha256, long size, String contentType) {
    }

    private final Path root;
    private final long maxBytes;

    AttachmentStorage(@Value("${app.dossier.storage-dir}") String storageDir,
                      @Value("${app.dossier.max-attachment-size:20MB}") DataSize maxSize) {
        this.root = Path.of(storageDir).toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
    }

    /**
     * Checks and keeps the file; throws a refusal naming the field {@code file} and keeps nothing when it is empty,
     * too large or not what its name says. Callers check everything else first: a file kept for a transaction that
     * then rolls back stays as an unreferenced file, which is harmless, whereas deleting it could take a file that
     * a concurrent upload of the same content has just referenced.
     */
    StoredFile store(InputStream content, String fileName) {
        String extension = extension(fileName);
        Accepted accepted = ACCEPTED.get(extension);
        if (accepted == null) {
            throw ApiException.invalid("file", "Tệp '" + fileName + "' không thuộc loại được nhận (" + ACCEPTED_LIST + ").");
        }
        Path temporary = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temporary = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = copyWithLimit(content, temporary, sha256, fileName);
            if (size == 0) {
                throw ApiException.invalid("file", "Tệp '" + fileName + "' rỗng (0 byte).");
            }
            MediaType detected = checkType(temporary, fileName, accepted);
            String checksum = HexFormat.of().formatHex(sha256.digest());
            keep(temporary, checksum);
            temporary = null;
            return new StoredFile(checksum, size, detected.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store an attachment under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long copyWithLimit(InputStream content, Path target, MessageDigest digest, String fileName) throws IOException {
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            for (int read; (read = content.read(buffer)) != -1; ) {
                size += read;
                if (size > maxBytes) {
                    throw ApiException.invalid("file", "Tệp '" + fileName + "' vượt quá dung lượng cho phép "
                            + DataSize.ofBytes(maxBytes).toMegabytes() + " MB.");
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    private MediaType checkType(Path file, String fileName, Accepted accepted) throws IOException {
        MediaType byContent;
        MediaType byContentAndName;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byContent = Detection.DETECTOR.detect(in, new Metadata());
            Metadata named = new Metadata();
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            byContentAndName = Detection.DETECTOR.detect(in, named);
        }
        boolean agrees = accepted.type().equals(byContentAndName) && accepted.byContent().contains(byContent)
                && (accepted.zipFolder() == null || isOfficeZip(file, accepted.zipFolder()));
        if (!agrees) {
            log.info("Refused attachment '{}': content {} (with name {}), expected {}", fileName, byContent, byContentAndName,
                    accepted.type());
            throw ApiException.invalid("file", "Nội dung tệp '" + fileName + "' không phải là " + accepted.label()
                    + " như tên tệp (hệ thống nhận ra: " + byContent + "). Tệp bị từ chối.");
        }
        return accepted.type();
    }

    /** Office Open XML is a zip with a content-type list and the application's folder (word/, xl/). */
    private static boolean isOfficeZip(Path file, String folder) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            boolean application = false;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                application |= entry.getName().startsWith(folder);
            }
            return contentTypes && application;
        } catch (IOException notAZip) {
            return false;
        }
    }

    private void keep(Path temporary, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            deleteQuietly(temporary);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException sameContentMeanwhile) {
            deleteQuietly(temporary);
            return;
        }
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", path, e.getMessage());
        }
    }

    /**
     * Tika's registry of file types (its MIME database and magic bytes), read on the first upload rather than at
     * start-up: most starts of a node see no upload for a while, and reading it loads some 65 classes and parses
     * Tika's type database (docs/benchmark.md). The JVM builds it once, thread-safely, when an upload first needs it.
     */
    private static final class Detection {
        static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
    }
}
