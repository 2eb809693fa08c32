package vn.gov.thidua.agency;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** An officer (cán bộ) working for one or more agencies; mirrored as a Camunda user in those agencies' groups. */
@Entity
@Table(name = "officer")
public class Officer {

    @Id
    private String username;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String email;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "officer_agency", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "agency_code")
    private Set<String> agencyCodes = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Officer() {
    }

    Officer(String username, String fullName, String email, Set<String> agencyCodes, Instant now) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.agencyCodes = new TreeSet<>(agencyCodes);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String fullName, String email, Set<String> agencyCodes, boolean active, Instant now) {
        this.fullName = fullName;
        this.email = email;
        this.agencyCodes.clear();
        this.agencyCodes.addAll(agencyCodes);
        this.active = active;
        this.updatedAt = now;
    }

    void moveAgency(String from, String to, Instant now) {
        if (agencyCodes.remove(from)) {
            agencyCodes.add(to);
            updatedAt = now;
        }
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Set<String> getAgencyCodes() {
        return Set.copyOf(agencyCodes);
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
