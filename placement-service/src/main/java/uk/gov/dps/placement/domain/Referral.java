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
        RAISED, PLACED_IN_HOUSE, CALLED_OFF, AWARDED, CLOSED, CANCELLED, UNMET,
        /** An award needs the County Resourcing Panel: a panel request waits for its decision. */
        AWAITING_PANEL
    }

    /** The child's schooling when referred: whether a school place must be found with the placement. */
    public enum SchoolStatus {
        IN_SCHOOL, NEEDS_SCHOOL_PLACE, TUITION
    }

    /** DfE Placements Data Standard v2, "When placement is needed by": today, in less / more than 5 days. */
    public enum Urgency {
        TODAY, UNDER_5_DAYS, OVER_5_DAYS
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

    @Enumerated(EnumType.STRING)
    @Column(name = "school_status")
    public SchoolStatus schoolStatus;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    /** The call-off round: 1 for the first call-off, counting up each time it is re-run. */
    public int round = 1;

    /** When it was cancelled or closed unmet, and why. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    /** The spot purchase that answered this referral after it closed unmet. */
    @Column(name = "spot_purchase_id")
    public UUID spotPurchaseId;

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

    /** The council withdraws the referral: at any stage before a placement is decided. */
    public void cancel(String reason, Instant at) {
        if (status == Status.AWARDED || status == Status.PLACED_IN_HOUSE || status == Status.CLOSED
                || status == Status.CANCELLED || status == Status.UNMET) {
            throw new IllegalStateException("The referral is " + status + ": it can no longer be cancelled.");
        }
        status = Status.CANCELLED;
        closedReason = reason;
        closedAt = at;
        cascadeTier = null;
    }

    /** Whether the current round's window has closed (a cascade is over and its last deadline passed). */
    public boolean roundEnded(Instant at) {
        return status == Status.CALLED_OFF && cascadeTier == null && respondBy != null && !at.isBefore(respondBy);
    }

    private void requireRoundEnded(Instant at) {
        if (status != Status.CALLED_OFF) {
            throw new IllegalStateException("The referral is " + status + ": only a called-off referral before "
                    + "award can be re-run or closed unmet.");
        }
        if (!roundEnded(at)) {
            throw new IllegalStateException("Round " + round + " is still open until " + respondBy + ".");
        }
    }

    /** Re-runs the call-off under new terms once the last round ended without an award. */
    public void nextRound(String newCategory, Instant newRespondBy, Instant at) {
        requireRoundEnded(at);
        if (!newRespondBy.isAfter(at)) {
            throw new IllegalArgumentException("respondBy must be in the future");
        }
        round++;
        category = newCategory;
        respondBy = newRespondBy;
        calledOffAt = at;
        cascadeWindowSeconds = null;
    }

    /** No suitable offer came: the DPS could not meet the need (a spot purchase may follow). */
    public void closeUnmet(String reason, Instant at) {
        requireRoundEnded(at);
        status = Status.UNMET;
        closedReason = reason;
        closedAt = at;
    }
}
