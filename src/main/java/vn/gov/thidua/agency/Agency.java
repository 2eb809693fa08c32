package vn.gov.thidua.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An agency of the directory. Its code is also the id of its Camunda group, so tasks routed to the agency are
 * candidate-group tasks of that group. A merged agency stays, inactive, so history keeps its name.
 */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgencyKind kind;

    @Column(name = "parent_code")
    private String parentCode;

    /** The province whose directory the agency belongs to; campaigns select participants by kind within one province. */
    private String province;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "successor_code")
    private String successorCode;

    @Column(name = "merged_at")
    private Instant mergedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Agency() {
    }

    Agency(String code, String name, AgencyKind kind, String parentCode, String province, Instant now) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.province = province;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, AgencyKind kind, String parentCode, Instant now) {
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.updatedAt = now;
    }

    void setActive(boolean active, Instant now) {
        this.active = active;
        this.updatedAt = now;
    }

    void mergeInto(String successorCode, Instant now) {
        this.active = false;
        this.successorCode = successorCode;
        this.mergedAt = now;
        this.updatedAt = now;
    }

    /** Only for agencies loaded before provinces were recorded: an agency does not move between provinces. */
    void assignProvince(String province, Instant now) {
        this.province = province;
        this.updatedAt = now;
    }

    void reparent(String parentCode, Instant now) {
        this.parentCode = parentCode;
        this.updatedAt = now;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public AgencyKind getKind() {
        return kind;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getProvince() {
        return province;
    }

    public boolean isActive() {
        return active;
    }

    public String getSuccessorCode() {
        return successorCode;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
