package uk.gov.dps.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a provider's risk rating: from what, to what, why, and what caused the re-assessment. */
@Entity
@Table(name = "risk_rating_change")
public class RiskRatingChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_rating")
    public RiskRating fromRating;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_rating")
    public RiskRating toRating;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons = new ArrayList<>();

    public String cause;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_by_council")
    public String changedByCouncil;

    @Column(name = "changed_at")
    public Instant changedAt;
}
