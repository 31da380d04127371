package uk.gov.dps.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A provider's quarterly KPI return. Partner councils all read it; no other provider ever does.
 */
@Entity
@Table(name = "kpi_return")
public class KpiReturn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    /** Financial-year quarter, e.g. {@code 2018-Q3}; text of this shape sorts in time order. */
    public String quarter;

    @Column(name = "occupancy_percent")
    public BigDecimal occupancyPercent;

    @Column(name = "staff_turnover_percent")
    public BigDecimal staffTurnoverPercent;

    public int incidents;

    @Column(name = "missing_episodes")
    public int missingEpisodes;

    @Column(name = "education_attendance_percent")
    public BigDecimal educationAttendancePercent;

    public int complaints;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** Null when the provider submitted the return itself. */
    @Column(name = "submitting_council")
    public String submittingCouncil;

    @Column(name = "received_at")
    public Instant receivedAt;

    public KpiFigures figures() {
        return new KpiFigures(quarter, occupancyPercent, staffTurnoverPercent, incidents, missingEpisodes,
                educationAttendancePercent, complaints);
    }
}
