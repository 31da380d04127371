package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A provider's request to change the weekly fee of its placement from a date. The placement's council decides
 * it once: accepted, the fee changes as if the council had changed it ({@link FeeChange}); refused, nothing
 * changes.
 */
@Entity
@Table(name = "fee_change_request")
public class FeeChangeRequest extends PanacheEntityBase {

    public enum Status {
        PENDING, ACCEPTED, REFUSED
    }

    /** The council's answer; a request is decided at most once. */
    public enum Decision {
        ACCEPTED, REFUSED;

        Status status() {
            return this == ACCEPTED ? Status.ACCEPTED : Status.REFUSED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "placement_id")
    public UUID placementId;

    public String council;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Embedded
    public Fee fee;

    public String reason;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Two officers deciding at once: only one commits, the other gets 409. */
    @Version
    public long version;

    public void decide(Decision decision, String why, String by, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("The request was " + status + " already.");
        }
        status = decision.status();
        decisionReason = why;
        decidedBy = by;
        decidedAt = at;
    }
}
