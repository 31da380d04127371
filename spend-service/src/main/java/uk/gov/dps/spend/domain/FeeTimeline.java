package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A placement's weekly fee over time, in pence: the fee it was awarded at, and changes that apply from their
 * effective date. A change dated before the placement starts applies from the start; a second change with the
 * same date replaces the first (a redelivered or corrected change).
 */
public record FeeTimeline(long initialWeeklyPence, NavigableMap<LocalDate, Long> changes) {

    public FeeTimeline {
        if (initialWeeklyPence < 0) {
            throw new IllegalArgumentException("a weekly fee cannot be negative");
        }
        changes.values().forEach(p -> {
            if (p < 0) {
                throw new IllegalArgumentException("a weekly fee cannot be negative");
            }
        });
        changes = Collections.unmodifiableNavigableMap(new TreeMap<>(changes));
    }

    public static FeeTimeline of(long initialWeeklyPence) {
        return new FeeTimeline(initialWeeklyPence, new TreeMap<>());
    }

    public static FeeTimeline of(long initialWeeklyPence, Map<LocalDate, Long> changes) {
        return new FeeTimeline(initialWeeklyPence, new TreeMap<>(changes));
    }

    public FeeTimeline withChange(LocalDate effectiveFrom, long weeklyPence) {
        TreeMap<LocalDate, Long> next = new TreeMap<>(changes);
        next.put(effectiveFrom, weeklyPence);
        return new FeeTimeline(initialWeeklyPence, next);
    }

    public long weeklyPenceOn(LocalDate day) {
        Map.Entry<LocalDate, Long> latest = changes.floorEntry(day);
        return latest == null ? initialWeeklyPence : latest.getValue();
    }
}
