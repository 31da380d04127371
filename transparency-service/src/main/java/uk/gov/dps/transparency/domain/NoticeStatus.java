package uk.gov.dps.transparency.domain;

import java.time.LocalDate;
import java.time.Period;

/** Where a notice stands on a given day: published, or not yet and due later, due soon or overdue. */
public enum NoticeStatus {
    PUBLISHED, UPCOMING, DUE_SOON, OVERDUE;

    /** Due on {@code dueOn} means it may still be published that day; the day after it is overdue. */
    public static NoticeStatus of(LocalDate dueOn, LocalDate publishedOn, LocalDate today, Period dueSoon) {
        if (publishedOn != null) {
            return PUBLISHED;
        }
        if (today.isAfter(dueOn)) {
            return OVERDUE;
        }
        return today.plus(dueSoon).isBefore(dueOn) ? UPCOMING : DUE_SOON;
    }

    /** Needs someone to act. */
    public boolean isAlert() {
        return this == DUE_SOON || this == OVERDUE;
    }
}
