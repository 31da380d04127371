package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.util.List;

/** What one placement costs on each day of one financial year, per funding stream, in pence. */
public final class YearCharges {

    private final FinancialYear year;
    private final List<FundingStream> streams;
    private final long[][] daily;
    private final long committed;
    private final long weekUnits;

    YearCharges(FinancialYear year, List<FundingStream> streams, long[][] daily, long committed, long weekUnits) {
        this.year = year;
        this.streams = streams;
        this.daily = daily;
        this.committed = committed;
        this.weekUnits = weekUnits;
    }

    public FinancialYear year() {
        return year;
    }

    public List<FundingStream> streams() {
        return streams;
    }

    /** The whole year's cost: the commitment. */
    public long committed() {
        return committed;
    }

    public long committed(FundingStream stream) {
        return costTo(stream, year.lastDay());
    }

    /** Chargeable time in the year, in 1/910 week ({@link ChargeableTime#UNITS_PER_WEEK}). */
    public long weekUnits() {
        return weekUnits;
    }

    /** Cost from 1 April to {@code day} inclusive (0 before the year, the commitment after it). */
    public long costTo(LocalDate day) {
        long sum = 0;
        for (FundingStream stream : streams) {
            sum += costTo(stream, day);
        }
        return sum;
    }

    public long costTo(FundingStream stream, LocalDate day) {
        int s = streams.indexOf(stream);
        if (s < 0 || day.isBefore(year.firstDay())) {
            return 0;
        }
        int last = day.isAfter(year.lastDay()) ? year.length() - 1 : year.indexOf(day);
        long sum = 0;
        for (int i = 0; i <= last; i++) {
            sum += daily[s][i];
        }
        return sum;
    }

    /** A copy of the stream's day-by-day cost, index 0 = 1 April. */
    public long[] dailyPence(FundingStream stream) {
        int s = streams.indexOf(stream);
        return s < 0 ? new long[year.length()] : daily[s].clone();
    }
}
