package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
 * A placement for one child with one provider: awarded from a call-off (its terms are the individual placement
 * agreement) or spot purchased under an exemption. Lifecycle: awarded, started, ended.
 */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

    public enum Basis {
        CALL_OFF, SPOT_PURCHASE
    }

    public enum Status {
        AWARDED, STARTED, ENDED
    }

    public enum EndType {
        PLANNED, DISRUPTION
    }

    @Id
    public UUID id;

    public String council;

    @Enumerated(EnumType.STRING)
    public Basis basis;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "offer_id")
    public UUID offerId;

    @Column(name = "exemption_id")
    public UUID exemptionId;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "service_type")
    public String serviceType;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_name")
    public String providerName;

    /** The fee agreed at award; later changes are in {@link FeeChange}. */
    @Embedded
    public Fee fee;

    @Column(name = "placement_pattern")
    public String placementPattern;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "funding_shares")
    public List<FundingShares.Share> fundingShares = new ArrayList<>();

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "expected_end")
    public LocalDate expectedEnd;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_type")
    public EndType endType;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "panel_approval_reference")
    public String panelApprovalReference;

    /** True when a parental preference was recorded; the school and its basis are below. */
    @Column(name = "parental_preference")
    public boolean parentalPreference;

    @Column(name = "preference_school")
    public String preferenceSchool;

    @Enumerated(EnumType.STRING)
    @Column(name = "preference_basis")
    public ParentalPreference.Basis preferenceBasis;

    /** Why an offer other than the one ranked first by the evaluation was awarded. */
    public String justification;

    /** The contract award (or contract details) notice the award relates to; required on a PA2023 dynamic market. */
    @Column(name = "notice_reference")
    public String noticeReference;

    /** The offer's setting the child lives in, when the offer named one. */
    @Column(name = "setting_id")
    public UUID settingId;

    @Column(name = "setting_name")
    public String settingName;

    /** Miles from the child's home district to the setting's, at award (null when either is unknown). */
    @Column(name = "distance_miles")
    public java.math.BigDecimal distanceMiles;

    /** The DfE's band: TWENTY_MILES_OR_LESS or OVER_TWENTY_MILES. */
    @Column(name = "distance_band")
    public String distanceBand;

    /** Whether the setting is inside the placing council's area. */
    @Column(name = "inside_area")
    public Boolean insideArea;

    /** Why a for-profit setting in Wales was placed with after the Welsh rule's date. */
    @Column(name = "exceptional_reason")
    public String exceptionalReason;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "awarded_at")
    public Instant awardedAt;

    @Column(name = "awarded_by")
    public String awardedBy;

    /** The council's own reference for the child, from the referral (or the spot purchase); never a provider's. */
    @Column(name = "child_reference")
    public String childReference;

    /** SSDA903 PLACE: the placement type; null when this is not a care placement (schooling, tuition). */
    @Column(name = "place")
    public String placementType;

    /** SSDA903 PLACE_PROVIDER: who provides the placement. */
    @Column(name = "place_provider")
    public String placementProvider;

    /** SSDA903 REC: why the episode of care ceased, set at the end. */
    @Column(name = "reason_episode_ceased")
    public String reasonEpisodeCeased;

    /** SSDA903 REASON_PLACE_CHANGE: why the child moved on, set at the end. */
    @Column(name = "reason_place_change")
    public String reasonPlaceChange;

    @Version
    public long version;

    /** Keeps where the child is placed, from home, as it was at award. */
    public void placedAt(uk.gov.dps.runtime.PostcodeDistricts.PlacementDistance distance) {
        distanceMiles = java.math.BigDecimal.valueOf(distance.miles());
        distanceBand = distance.band().name();
        insideArea = distance.insideArea();
    }

    public void start(LocalDate day) {
        if (status != Status.AWARDED) {
            throw new IllegalStateException("The placement has " + (status == Status.STARTED ? "started" : "ended")
                    + " already.");
        }
        status = Status.STARTED;
        startDate = day;
    }

    public void end(LocalDate lastDay, EndType type, String reasonCode) {
        if (status == Status.ENDED) {
            throw new IllegalStateException("The placement has ended already.");
        }
        LocalDate from = startDate != null ? startDate : plannedStart;
        if (lastDay.isBefore(from)) {
            throw new IllegalArgumentException("endDate must not be before the start (" + from + ")");
        }
        status = Status.ENDED;
        endDate = lastDay;
        endType = type;
        endReason = reasonCode;
    }
}
