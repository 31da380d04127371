package uk.gov.dps.provider.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A provider excluded under the Procurement Act 2023: on a mandatory ground (s.57, Schedule 6) it is an
 * "excluded supplier"; on a discretionary ground (s.58, Schedule 7) an "excludable supplier" the authority decided
 * to exclude. Either way it lasts at most five years, and may be ended early (e.g. self-cleaning, s.59).
 */
@Entity
@Table(name = "provider_exclusion")
public class Exclusion extends PanacheEntityBase {

    /** An exclusion lasts no longer than this (PA2023 s.57/58 with Schedules 6 and 7: five years). */
    public static final int MAX_YEARS = 5;

    public enum Ground {
        MANDATORY("PA2023 s.57"), DISCRETIONARY("PA2023 s.58");

        public final String section;

        Ground(String section) {
            this.section = section;
        }
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Ground ground;

    public String section;

    public String reason;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** The entry on the central debarment list (PA2023 s.62), when the exclusion comes from it. */
    @Column(name = "debarment_reference")
    public String debarmentReference;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_council")
    public String recordedCouncil;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The first day the exclusion no longer applies, when ended early; null otherwise. */
    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    /** Why a period is not allowed, or empty when it is: it ends on or after its start, within five years. */
    public static Optional<String> periodProblem(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            return Optional.of("must not be before startsOn (" + startsOn + ")");
        }
        if (endsOn.isAfter(startsOn.plusYears(MAX_YEARS))) {
            return Optional.of("an exclusion lasts at most " + MAX_YEARS + " years: no later than "
                    + startsOn.plusYears(MAX_YEARS));
        }
        return Optional.empty();
    }

    public boolean endedEarly() {
        return endedOn != null;
    }

    /** The exclusion applies on {@code day}: within its period and not ended early by then. */
    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn) && (endedOn == null || day.isBefore(endedOn));
    }

    /**
     * Ends the exclusion from {@code today}.
     *
     * @throws IllegalStateException when it was ended already, or its period is over
     */
    public void end(LocalDate today, String reason, String by) {
        if (endedEarly()) {
            throw new IllegalStateException("The exclusion was ended already on " + endedOn + ".");
        }
        if (today.isAfter(endsOn)) {
            throw new IllegalStateException("The exclusion ran its course on " + endsOn + ".");
        }
        endedOn = today.isBefore(startsOn) ? startsOn : today;
        endReason = reason;
        endedBy = by;
    }

    /** The rule a refused admission names, e.g. "PA2023 s.57 (mandatory exclusion)". */
    public String rule() {
        return section + " (" + ground.name().toLowerCase() + " exclusion)";
    }
}
