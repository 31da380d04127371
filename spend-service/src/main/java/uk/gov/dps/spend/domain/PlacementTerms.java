package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything that decides what a placement costs and whose budget it falls on, as the placement events left it.
 * Figures are a pure function of these terms and the term calendar, so replaying the same events gives the same
 * figures.
 *
 * @param booking  where the cost is booked; null for a quote ({@link CommitmentQuote}), which books nothing
 * @param firstDay the day the placement started (or is planned to start)
 * @param lastDay  the last day it is paid for when it has ended, otherwise null (open-ended)
 * @param horizon  the last financial year its figures are kept for (see {@link #horizon})
 */
public record PlacementTerms(Booking booking, PlacementPattern pattern, LocalDate firstDay, LocalDate lastDay,
        FeeTimeline fees, FundingSplit split, FinancialYear horizon) {

    /**
     * Where the cost is booked: the council, the lot (or, for a spot purchase outside any lot, a key per service
     * type), the provider, and whether it was bought off contract.
     */
    public record Booking(String council, UUID lotKey, UUID providerKey, boolean offContract) {
    }

    /** Rounding the running cost, kept in 1/910 pence, to the nearest penny, halves up. */
    private static final long HALF_UNIT = ChargeableTime.UNITS_PER_WEEK / 2;

    /**
     * The last financial year to keep figures for. An ended placement: the year of its last day. An open-ended one
     * costs something every year until it ends, so its figures are kept for the current and the next financial
     * year (when councils set next year's budgets), and rolled forward as the years turn.
     */
    public static FinancialYear horizon(LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        FinancialYear first = FinancialYear.of(firstDay);
        if (lastDay != null) {
            FinancialYear last = FinancialYear.of(lastDay);
            return last.compareTo(first) < 0 ? first : last;
        }
        FinancialYear current = FinancialYear.of(today);
        return (current.compareTo(first) > 0 ? current : first).next();
    }

    /** The financial years the placement has figures in, from the year it starts to its horizon. */
    public List<FinancialYear> years() {
        List<FinancialYear> years = new ArrayList<>();
        for (FinancialYear y = FinancialYear.of(firstDay); y.compareTo(horizon) <= 0; y = y.next()) {
            years.add(y);
        }
        if (years.isEmpty()) {
            years.add(FinancialYear.of(firstDay));
        }
        return years;
    }

    /**
     * What the commitment puts on the days {@code from} to {@code to} inclusive, per funding stream: the year's
     * running total on {@code to} minus the one on the day before {@code from}, read from {@link #chargesIn}. This is
     * how an invoice is checked and how much of a year's commitment an invoice covers, so an invoice for exactly what
     * the agreement says always matches what the ledger committed for those days.
     *
     * @throws IllegalArgumentException when the days are not inside one financial year or {@code to} is before
     *                                  {@code from}
     */
    public Map<FundingStream, Long> commitmentBetween(LocalDate from, LocalDate to, TermCalendar calendar) {
        FinancialYear year = FinancialYear.of(from);
        if (to.isBefore(from) || !year.contains(to)) {
            throw new IllegalArgumentException(from + " to " + to + " is not a period inside one financial year");
        }
        YearCharges charges = chargesIn(year, calendar);
        Map<FundingStream, Long> byStream = new EnumMap<>(FundingStream.class);
        for (FundingStream stream : split.streams()) {
            byStream.put(stream, charges.costTo(stream, to) - charges.costTo(stream, from.minusDays(1)));
        }
        return byStream;
    }

    /**
     * What the placement costs on each day of {@code year}, per funding stream.
     * <p>
     * Rule: each chargeable day costs the weekly fee in force that day times the day's fraction of a week
     * ({@link ChargeableTime}). The running total from the first chargeable day of the year is kept exactly (in
     * 1/910 pence) and rounded to the penny only when read, halves up; the running total is then split between
     * the funders ({@link FundingSplit}). So a year's commitment is its exact cost rounded once, a whole week always
     * costs exactly the weekly fee, and the funders' parts always add up to the total. Each year starts its own
     * running total on 1 April.
     */
    public YearCharges chargesIn(FinancialYear year, TermCalendar calendar) {
        List<FundingStream> streams = split.streams();
        int n = year.length();
        long[][] daily = new long[streams.size()][n];
        LocalDate from = firstDay.isAfter(year.firstDay()) ? firstDay : year.firstDay();
        LocalDate to = lastDay == null || lastDay.isAfter(year.lastDay()) ? year.lastDay() : lastDay;
        long exact = 0;
        long units = 0;
        long rounded = 0;
        long[] parts = new long[streams.size()];
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long weekUnits = ChargeableTime.of(pattern, day, calendar);
            if (weekUnits == 0) {
                continue;
            }
            units += weekUnits;
            exact = Math.addExact(exact, Math.multiplyExact(fees.weeklyPenceOn(day), weekUnits));
            long roundedNow = (exact + HALF_UNIT) / ChargeableTime.UNITS_PER_WEEK;
            if (roundedNow != rounded) {
                long[] partsNow = split.allocate(roundedNow);
                int index = year.indexOf(day);
                for (int s = 0; s < parts.length; s++) {
                    daily[s][index] = partsNow[s] - parts[s];
                }
                parts = partsNow;
                rounded = roundedNow;
            }
        }
        return new YearCharges(year, streams, daily, rounded, units);
    }
}
