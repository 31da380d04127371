package uk.gov.dps.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import uk.gov.dps.runtime.WorkingDays;

/**
 * When invited providers that have not answered are reminded of a call-off's deadline: a number of working hours
 * before it (09:00–17:00 UK time, bank holidays excepted). A window shorter than that, such as an emergency call-off
 * closing the same afternoon, is reminded halfway through instead, so no invitation goes without a reminder.
 */
public final class ReminderSchedule {

    private ReminderSchedule() {
    }

    /** Empty when the call-off is already closed at issue. */
    public static Optional<Instant> remindAt(Instant issuedAt, Instant respondBy, int workingHoursBefore) {
        if (!respondBy.isAfter(issuedAt)) {
            return Optional.empty();
        }
        Instant before = WorkingDays.minusWorkingHours(respondBy, workingHoursBefore);
        if (before.isAfter(issuedAt)) {
            return Optional.of(before);
        }
        return Optional.of(issuedAt.plus(Duration.between(issuedAt, respondBy).dividedBy(2)));
    }
}
