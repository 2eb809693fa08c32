package vn.gov.thidua.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to the directory: who did what to which agency or officer, kept for audit. */
@Entity
@Table(name = "directory_event")
public class DirectoryEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "agency_code")
    private String agencyCode;

    private String username;

    private String detail;

    protected DirectoryEvent() {
    }

    DirectoryEvent(Instant occurredAt, String actor, String action, String agencyCode, String username, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.agencyCode = agencyCode;
        this.username = username;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getUsername() {
        return username;
    }

    public String getDetail() {
        return detail;
    }
}
