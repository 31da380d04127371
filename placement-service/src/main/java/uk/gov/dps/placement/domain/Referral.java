package uk.gov.dps.placement.domain;

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

/** A council's request to find a placement for one child, from the in-house check to award. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum Status {
        RAISED, PLACED_IN_HOUSE, CALLED_OFF, AWARDED, CLOSED
    }

    @Id
    public UUID id;

    /** The council that raised it; only that council's officers see it. */
    public String council;

    @Column(name = "lot_id")
    public UUID lotId;

    public String category;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "raised_by")
    public String raisedBy;

    @Version
    public long version;
}
