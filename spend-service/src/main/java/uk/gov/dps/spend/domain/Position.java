package uk.gov.dps.spend.domain;

/**
 * A budget line's figures for its financial year, in pence.
 *
 * @param committed   what the year's placements cost over the whole year, as they stand
 * @param spentToDate what the agreements put on the days from 1 April (or the start of the scope) up to and
 *                    including today: the cost of the time elapsed, whether invoiced or not
 * @param actuals     what was invoiced and paid for the year's placements
 */
public record Position(long budget, long committed, long spentToDate, Actuals actuals) {

    /**
     * Invoices of the line's scope and year that are not disputed.
     *
     * @param paid                paid invoices (actuals spent)
     * @param invoicedNotPaid     submitted or approved, not paid yet
     * @param invoicedCommitment  what the commitment puts on the days those invoices cover
     */
    public record Actuals(long paid, long invoicedNotPaid, long invoicedCommitment) {

        public static final Actuals NONE = new Actuals(0, 0, 0);
    }

    public Position(long budget, long committed, long spentToDate) {
        this(budget, committed, spentToDate, Actuals.NONE);
    }

    /** Paid plus invoiced not paid: what providers have asked for, whether paid yet or not. */
    public long actualsTotal() {
        return actuals.paid() + actuals.invoicedNotPaid();
    }

    /**
     * The commitment of the days no invoice covers yet: the full-year commitment minus what it puts on the days of
     * the invoices that are not disputed. Without invoices, the whole commitment.
     */
    public long remainingCommitment() {
        return committed - actuals.invoicedCommitment();
    }

    /**
     * Forecast outturn: the actuals (paid and invoiced not paid) plus the remaining commitment. An invoice for
     * exactly what the agreement says leaves it unchanged; one for more or less moves it by the difference.
     */
    public long forecastOutturn() {
        return actualsTotal() + remainingCommitment();
    }

    /** Budget minus forecast: positive is headroom, negative an overspend. */
    public long variance() {
        return budget - forecastOutturn();
    }

    public SpendStatus status(Thresholds thresholds) {
        return thresholds.status(forecastOutturn(), budget);
    }
}
