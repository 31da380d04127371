package uk.gov.dps.monitoring.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A concern a partner council raised about a provider; open until a partner resolves it. */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    public enum Severity {
        LOW, MEDIUM, HIGH, SERIOUS
    }

    public enum Status {
        OPEN, RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "setting_urn")
    public String settingUrn;

    @Column(name = "visit_id")
    public UUID visitId;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String summary;

    public String details;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "raising_council")
    public String raisingCouncil;

    @Column(name = "raised_by")
    public String raisedBy;

    @Column(name = "raised_at")
    public Instant raisedAt;

    public String resolution;

    @Column(name = "resolving_council")
    public String resolvingCouncil;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public long version;

    /** @throws IllegalStateException when it was resolved already */
    public void resolve(String resolution, String council, String officer, Instant at) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("The concern was resolved already, on " + resolvedAt + " by "
                    + resolvingCouncil + ".");
        }
        this.status = Status.RESOLVED;
        this.resolution = resolution;
        this.resolvingCouncil = council;
        this.resolvedBy = officer;
        this.resolvedAt = at;
    }
}
