package uk.gov.dps.placement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A council's request to find a placement for one child, from the in-house check to award. It holds the
 * minimum about the child: age band, sex, needs, postcode district — no names, no dates of birth.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public enum Status {
        RAISED, PLACED_IN_HOUSE, CALLED_OFF, AWARDED, CLOSED,
        /** An award needs the County Resourcing Panel: a panel request waits for its decision. */
        AWAITING_PANEL
    }

    public enum InHouseOutcome {
        AVAILABLE, NOT_AVAILABLE
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

    @Column(name = "age_band")
    public String ageBand;

    public String sex;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] needs = new String[0];

    @Column(name = "postcode_district")
    public String postcodeDistrict;

    @Column(name = "siblings_to_place")
    public int siblingsToPlace;

    public boolean emergency;

    @Column(name = "wanted_start")
    public LocalDate wantedStart;

    @Column(name = "expected_duration_weeks")
    public Integer expectedDurationWeeks;

    @Column(name = "placement_pattern")
    public String placementPattern;

    @Column(name = "education_required")
    public boolean educationRequired;

    @Column(name = "therapy_required")
    public boolean therapyRequired;

    @Enumerated(EnumType.STRING)
    @Column(name = "in_house_outcome")
    public InHouseOutcome inHouseOutcome;

    @Column(name = "in_house_notes")
    public String inHouseNotes;

    @Column(name = "in_house_checked_at")
    public Instant inHouseCheckedAt;

    @Column(name = "respond_by")
    public Instant respondBy;

    @Column(name = "called_off_at")
    public Instant calledOffAt;

    /** Each tier's response window when the call-off cascades through tiers; null when all are invited at once. */
    @Column(name = "cascade_window_seconds")
    public Long cascadeWindowSeconds;

    /** The tier whose window is open; null when not cascading or the cascade is over. */
    @Column(name = "cascade_tier")
    public String cascadeTier;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "raised_by")
    public String raisedBy;

    /** The council's own reference for the child (opaque); officers of the council see it, providers never. */
    @Column(name = "child_reference")
    public String childReference;

    @Version
    public long version;

    /** In-house first: the council's own carers and homes are checked before the market is asked. */
    public void recordInHouseCheck(InHouseOutcome outcome, String notes, Instant at) {
        if (status != Status.RAISED || inHouseOutcome != null) {
            throw new IllegalStateException("The in-house check has been recorded already.");
        }
        inHouseOutcome = outcome;
        inHouseNotes = notes;
        inHouseCheckedAt = at;
        if (outcome == InHouseOutcome.AVAILABLE) {
            status = Status.PLACED_IN_HOUSE;
        }
    }

    public void callOff(Instant respondBy, Instant at) {
        callOff(respondBy, null, at);
    }

    /** Calls off to everyone at once, or, with a cascade window, tier by tier (see {@link #openCascadeWindow}). */
    public void callOff(Instant respondBy, Duration cascadeWindow, Instant at) {
        if (inHouseOutcome == null) {
            throw new IllegalStateException("Check in-house provision first: record the in-house check before a call-off.");
        }
        if (status != Status.RAISED) {
            throw new IllegalStateException("The referral is " + status + ": it cannot be called off.");
        }
        if (!respondBy.isAfter(at)) {
            throw new IllegalArgumentException("respondBy must be in the future");
        }
        this.status = Status.CALLED_OFF;
        this.respondBy = respondBy;
        this.calledOffAt = at;
        this.cascadeWindowSeconds = cascadeWindow == null ? null : cascadeWindow.toSeconds();
    }

    /** Moves a cascading call-off to the next tier's window, or ends the cascade when {@code tier} is null. */
    public void openCascadeWindow(String tier, Instant at) {
        cascadeTier = tier;
        if (tier != null) {
            respondBy = at.plus(Duration.ofSeconds(cascadeWindowSeconds));
        }
    }
}
