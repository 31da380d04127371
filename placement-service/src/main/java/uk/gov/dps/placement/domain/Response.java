package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
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

/** An invited provider's answer to a call-off: an offer with an itemised weekly fee, or a decline. */
@Entity
@Table(name = "response")
public class Response extends PanacheEntityBase {

    public enum Kind {
        OFFER, DECLINE
    }

    public enum DeclineReason {
        NO_VACANCY, CANNOT_MEET_NEEDS, LOCATION, MATCHING, OTHER,
        /** The referral is outside what the setting's Statement of Purpose says it can take (counted per provider). */
        OUTSIDE_STATEMENT_OF_PURPOSE
    }

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Embedded
    public Fee fee;

    @Column(name = "proposed_start")
    public LocalDate proposedStart;

    @Column(name = "home_reference")
    public String homeReference;

    /** The offering provider's setting the child would live in, when the offer names one. */
    @Column(name = "setting_id")
    public UUID settingId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "needs_met")
    public String[] needsMet = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;

    public String detail;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The call-off round answered: a re-run round asks every invited provider again. */
    public int round = 1;

    /** Set when the provider withdrew its offer: it is then neither ranked nor awardable. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "amended_at")
    public Instant amendedAt;

    /** The fit the provider's invitation showed when it answered (null when not assessed). */
    @Enumerated(EnumType.STRING)
    @Column(name = "fit_when_answered")
    public Fit.Level fitWhenAnswered;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
