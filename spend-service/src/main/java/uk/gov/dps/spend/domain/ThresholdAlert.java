package uk.gov.dps.spend.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A budget's forecast, or a contract's commitment, went over a threshold. It stays active while the amount stays
 * over; when it falls back below, it is cleared, and a later crossing is a new alert.
 */
@Entity
@Table(name = "threshold_alert")
public class ThresholdAlert extends PanacheEntityBase {

    public enum SubjectType {
        BUDGET, CONTRACT
    }

    @Id
    public UUID id;

    public String council;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String name;

    @Column(name = "financial_year")
    public int financialYear;

    @Column(name = "threshold_percent")
    public int thresholdPercent;

    /** The forecast (budget) or commitment (contract) when it crossed. */
    @Column(name = "amount_pence")
    public long amountPence;

    /** The budget or contract value when it crossed. */
    @Column(name = "limit_pence")
    public long limitPence;

    @Column(name = "crossed_at")
    public Instant crossedAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    public boolean active() {
        return clearedAt == null;
    }
}
