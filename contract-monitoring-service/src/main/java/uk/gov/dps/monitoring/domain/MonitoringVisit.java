package uk.gov.dps.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A monitoring visit by a partner council's officer and what they found. Findings inform the officer's
 * concerns and improvement plans; the visit itself does not change the risk rating.
 */
@Entity
@Table(name = "monitoring_visit")
public class MonitoringVisit extends PanacheEntityBase {

    public enum Type {
        ANNOUNCED, UNANNOUNCED
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "setting_urn")
    public String settingUrn;

    @Enumerated(EnumType.STRING)
    @Column(name = "visit_type")
    public Type type;

    @Column(name = "visited_on")
    public LocalDate visitedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> findings = new ArrayList<>();

    @Column(name = "recording_council")
    public String recordingCouncil;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
