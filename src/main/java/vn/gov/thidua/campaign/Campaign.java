package vn.gov.thidua.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A launched campaign. Its code is the business key of its `campaign` process instance. */
@Entity
@Table(name = "campaign")
public class Campaign {

    public enum Status { LAUNCHING, ACTIVE, CLOSED }

    @Id
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "plan_number", nullable = false)
    private String planNumber;
    @Column(name = "plan_date", nullable = false)
    private LocalDate planDate;
    private String theme;
    private String province;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Column(name = "standing_agency", nullable = false)
    private String standingAgency;
    @Column(name = "appraising_board", nullable = false)
    private String appraisingBoard;
    @Column(nullable = false)
    private String decider;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "launched_at", nullable = false)
    private Instant launchedAt;
    @Column(name = "launched_by")
    private String launchedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Version
    private long version;

    protected Campaign() {
    }

    Campaign(CampaignDefinition d, String processInstanceId, Instant launchedAt, String launchedBy) {
        this.code = d.code();
        this.name = d.name().trim();
        this.planNumber = d.planNumber().trim();
        this.planDate = d.planDate();
        this.theme = d.theme();
        this.province = d.province();
        this.periodStart = d.periodStart();
        this.periodEnd = d.periodEnd();
        this.standingAgency = d.roles().standingAgency();
        this.appraisingBoard = d.roles().appraisingBoard();
        this.decider = d.roles().decider();
        this.status = Status.LAUNCHING;
        this.processInstanceId = processInstanceId;
        this.launchedAt = launchedAt;
        this.launchedBy = launchedBy;
    }

    void activate() {
        this.status = Status.ACTIVE;
    }

    void close(Instant at) {
        this.status = Status.CLOSED;
        this.closedAt = at;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getPlanNumber() {
        return planNumber;
    }

    public LocalDate getPlanDate() {
        return planDate;
    }

    public String getTheme() {
        return theme;
    }

    public String getProvince() {
        return province;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getStandingAgency() {
        return standingAgency;
    }

    public String getAppraisingBoard() {
        return appraisingBoard;
    }

    public String getDecider() {
        return decider;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getLaunchedAt() {
        return launchedAt;
    }

    public String getLaunchedBy() {
        return launchedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
