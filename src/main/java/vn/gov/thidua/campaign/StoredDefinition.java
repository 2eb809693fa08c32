package vn.gov.thidua.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign definition as uploaded: launching reads it, and so do later steps that need rounds or award forms. */
@Entity
@Table(name = "campaign_definition")
public class StoredDefinition {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String content;

    private String source;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    protected StoredDefinition() {
    }

    StoredDefinition(String code, String name, String content, String source, Instant uploadedAt, String uploadedBy) {
        this.code = code;
        replace(name, content, source, uploadedAt, uploadedBy);
    }

    void replace(String name, String content, String source, Instant uploadedAt, String uploadedBy) {
        this.name = name;
        this.content = content;
        this.source = source;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getContent() {
        return content;
    }

    public String getSource() {
        return source;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}
