package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change of a placement's weekly fee from a date (annual uplift, a change of need). */
@Entity
@Table(name = "fee_change")
public class FeeChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Embedded
    public Fee fee;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The provider's request this change accepted; null when the council changed the fee itself. */
    @Column(name = "request_id")
    public UUID requestId;
}
