package uk.gov.dps.provider.domain;

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
import uk.gov.dps.runtime.WorkingDays;

/**
 * A request to participate in a lot. The commissioner must decide it within 10 working days of receipt,
 * or 15 where an extension is justified (once).
 */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    public static final int WORKING_DAYS_TO_DECIDE = 10;
    public static final int WORKING_DAYS_TO_DECIDE_EXTENDED = 15;

    public enum Status {
        PENDING, ADMITTED, REJECTED
    }

    /** A self-declaration question and the provider's answer. */
    public record Answer(String question, String answer) {
    }

    /** Evidence the provider holds, e.g. an insurance certificate, and when it expires. */
    public record Evidence(String type, String reference, LocalDate expiresOn) {
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "lot_id")
    public UUID lotId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories = new String[0];

    @Column(name = "requested_tier")
    public String requestedTier;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Answer> answers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Evidence> evidence = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "extension_justification")
    public String extensionJustification;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Version
    public long version;

    /** Received on {@code receivedOn} (UK date): due 10 working days later. */
    public void receive(Instant at, LocalDate receivedOn) {
        this.status = Status.PENDING;
        this.receivedAt = at;
        this.receivedOn = receivedOn;
        this.dueOn = WorkingDays.addWorkingDays(receivedOn, WORKING_DAYS_TO_DECIDE);
    }

    public boolean isExtended() {
        return extensionJustification != null;
    }

    /**
     * Moves the due date to 15 working days after receipt.
     *
     * @throws IllegalStateException when decided already or extended before: the law allows one extension
     */
    public void extend(String justification) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("The application has been decided already.");
        }
        if (isExtended()) {
            throw new IllegalStateException("The application has been extended once already (to " + dueOn + ").");
        }
        extensionJustification = justification;
        dueOn = WorkingDays.addWorkingDays(receivedOn, WORKING_DAYS_TO_DECIDE_EXTENDED);
    }

    /** Undecided after its due date: the commissioner is outside the legal clock. */
    public boolean isOverdue(LocalDate today) {
        return status == Status.PENDING && today.isAfter(dueOn);
    }

    /** Working days from {@code today} to the due date: 0 when due today (or past). */
    public int workingDaysLeft(LocalDate today) {
        return workingDaysAfter(today, dueOn);
    }

    /** Working days since the due date, {@code today} included: 0 when only a weekend or holiday has passed. */
    public int workingDaysOverdue(LocalDate today) {
        return workingDaysAfter(dueOn, today);
    }

    private static int workingDaysAfter(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (WorkingDays.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public void decide(Status outcome, String reasons, String decidedBy, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("The application was " + status.name().toLowerCase() + " already.");
        }
        this.status = outcome;
        this.decisionReasons = reasons;
        this.decidedBy = decidedBy;
        this.decidedAt = at;
    }
}
