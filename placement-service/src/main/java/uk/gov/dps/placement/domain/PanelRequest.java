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
 * An award that needs the County Resourcing Panel ({@link PanelRule}), waiting for it: the offer and the award's
 * terms as the officer asked for them. The panel of the referral's council decides it once: approved, the placement
 * is made on those terms; refused, the referral stays open for another award (and another request).
 */
@Entity
@Table(name = "panel_request")
public class PanelRequest extends PanacheEntityBase {

    public enum Status {
        PENDING, APPROVED, REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    public String council;

    @Column(name = "offer_id")
    public UUID offerId;

    @Column(name = "provider_id")
    public UUID providerId;

    /** The offer's weekly fee when the request was made. */
    @Embedded
    public Fee fee;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "funding_shares")
    public List<FundingShares.Share> fundingShares = new ArrayList<>();

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "expected_end")
    public LocalDate expectedEnd;

    @Column(name = "placement_type")
    public String placementType;

    @Column(name = "placement_provider")
    public String placementProvider;

    public String justification;

    @Column(name = "notice_reference")
    public String noticeReference;

    /** Why a for-profit setting in Wales is placed with after the Welsh rule's date (kept until the placement). */
    @Column(name = "exceptional_reason")
    public String exceptionalReason;

    @Column(name = "preference_school")
    public String preferenceSchool;

    @Enumerated(EnumType.STRING)
    @Column(name = "preference_basis")
    public ParentalPreference.Basis preferenceBasis;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The placement made on approval. */
    @Column(name = "placement_id")
    public UUID placementId;

    @Version
    public long version;

    public ParentalPreference preference() {
        return preferenceBasis == null ? null : new ParentalPreference(preferenceSchool, preferenceBasis);
    }
}
