package uk.gov.dps.placement.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A lot member invited to a call-off: only invited providers may see the referral and respond. */
@Entity
@Table(name = "invitation")
@IdClass(Invitation.Key.class)
public class Invitation extends PanacheEntityBase {

    /** The composite id: Hibernate accepts a record as id class. */
    public record Key(UUID referralId, UUID providerId) implements Serializable {
    }

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_name")
    public String providerName;

    public String tier;

    @Column(name = "invited_at")
    public Instant invitedAt;

    /** This provider's deadline: in a cascade each tier has its own window. */
    @Column(name = "respond_by")
    public Instant respondBy;

    /** The latest call-off round this provider was invited to. */
    public int round = 1;

    /** The fit shown with the invitation, assessed when it was made (or re-made by a new round); null before. */
    @Enumerated(EnumType.STRING)
    public Fit.Level fit;

    /** The fit's place in the inbox's order: MEETS 0, PARTLY_MEETS 1, NO_SETTINGS_KNOWN 2, not assessed 3. */
    @Column(name = "fit_rank")
    public int fitRank = 3;

    @Column(name = "fit_setting_id")
    public UUID fitSettingId;

    @Column(name = "fit_setting_name")
    public String fitSettingName;

    @Column(name = "fit_miles")
    public BigDecimal fitMiles;

    @Column(name = "fit_distance_band")
    public String fitDistanceBand;

    @Column(name = "fit_inside_area")
    public Boolean fitInsideArea;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fit_reasons")
    public List<Fit.Reason> fitReasons;

    @Column(name = "fit_assessed_at")
    public Instant fitAssessedAt;

    /** Keeps {@code assessment} as what this invitation shows from {@code at}. */
    public void assessed(Fit.Assessment assessment, Instant at) {
        fit = assessment.level();
        fitRank = assessment.level().ordinal();
        fitSettingId = assessment.settingId();
        fitSettingName = assessment.settingName();
        fitMiles = assessment.distance() == null ? null : BigDecimal.valueOf(assessment.distance().miles());
        fitDistanceBand = assessment.distance() == null ? null : assessment.distance().band().name();
        fitInsideArea = assessment.distance() == null ? null : assessment.distance().insideArea();
        fitReasons = assessment.reasons();
        fitAssessedAt = at;
    }
}
