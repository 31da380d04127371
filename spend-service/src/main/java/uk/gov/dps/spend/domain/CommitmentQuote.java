package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a placement would commit, per financial year and funder, before it is awarded. It is the ledger's own rule
 * ({@link PlacementTerms#years()} and {@link PlacementTerms#chargesIn}) applied to terms that are not booked to any
 * council, lot or provider, so an award on the same terms commits exactly what the quote said.
 *
 * @param years one entry per financial year the ledger would keep figures for, earliest first
 */
public record CommitmentQuote(List<YearCharges> years) {

    /** The longest quote, in financial years: a placement is a child's care, not a 30-year contract. */
    public static final int MAX_YEARS = 10;

    public CommitmentQuote {
        years = List.copyOf(years);
    }

    /**
     * @param lastDay null for an open-ended placement: quoted, as the ledger keeps it, up to the end of the next
     *                financial year after {@code today} (or after the start, if later)
     * @throws IllegalArgumentException when the placement ends before it starts or spans more than
     *                                  {@link #MAX_YEARS} financial years
     */
    public static CommitmentQuote of(PlacementPattern pattern, LocalDate firstDay, LocalDate lastDay,
            long weeklyPence, FundingSplit split, LocalDate today, TermCalendar calendar) {
        if (lastDay != null && lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the placement ends (" + lastDay + ") before it starts (" + firstDay
                    + ")");
        }
        FinancialYear horizon = PlacementTerms.horizon(firstDay, lastDay, today);
        int span = horizon.startYear() - FinancialYear.of(firstDay).startYear() + 1;
        if (span > MAX_YEARS) {
            throw new IllegalArgumentException("a quote covers at most " + MAX_YEARS + " financial years; this one "
                    + "would cover " + span + (lastDay == null ? " (an open-ended placement is quoted to the end of "
                            + "the next financial year)" : ""));
        }
        PlacementTerms terms = new PlacementTerms(null, pattern, firstDay, lastDay, FeeTimeline.of(weeklyPence),
                split, horizon);
        return new CommitmentQuote(terms.years().stream().map(year -> terms.chargesIn(year, calendar)).toList());
    }

    /** The whole commitment over every year quoted. */
    public long committed() {
        return years.stream().mapToLong(YearCharges::committed).sum();
    }

    public long committed(FundingStream stream) {
        return years.stream().mapToLong(y -> y.committed(stream)).sum();
    }
}
