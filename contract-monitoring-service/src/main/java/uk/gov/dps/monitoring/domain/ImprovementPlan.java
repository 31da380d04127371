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
import jakarta.persistence.Version;

/** An improvement plan agreed with a provider, to be completed by its due date. */
@Entity
@Table(name = "improvement_plan")
public class ImprovementPlan extends PanacheEntityBase {

    public enum Status {
        ACTIVE, COMPLETED
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "concern_id")
    public UUID concernId;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> actions = new ArrayList<>();

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "agreeing_council")
    public String agreeingCouncil;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "completion_notes")
    public String completionNotes;

    @Column(name = "completing_council")
    public String completingCouncil;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    public boolean isOverdue(LocalDate today) {
        return status == Status.ACTIVE && today.isAfter(dueOn);
    }

    /** @throws IllegalStateException when it was completed already */
    public void complete(String notes, String council, String officer, Instant at) {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("The improvement plan was completed already, on " + completedAt + ".");
        }
        this.status = Status.COMPLETED;
        this.completionNotes = notes;
        this.completingCouncil = council;
        this.completedBy = officer;
        this.completedAt = at;
    }
}
