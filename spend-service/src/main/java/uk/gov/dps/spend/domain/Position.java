package uk.gov.dps.spend.domain;

/**
 * A budget line's figures for its financial year, in pence.
 *
 * @param committed   what the year's placements cost over the whole year, as they stand
 * @param spentToDate what they have cost from 1 April (or the start of the scope) up to and including today
 */
public record Position(long budget, long committed, long spentToDate) {

    /**
     * Forecast outturn: spent to date plus what is committed for the rest of the year. Spend here is derived from
     * the placements (there are no invoices in the platform), so the forecast equals the full-year commitment.
     */
    public long forecastOutturn() {
        return spentToDate + remainingCommitment();
    }

    public long remainingCommitment() {
        return committed - spentToDate;
    }

    /** Budget minus forecast: positive is headroom, negative an overspend. */
    public long variance() {
        return budget - forecastOutturn();
    }

    public SpendStatus status(Thresholds thresholds) {
        return thresholds.status(forecastOutturn(), budget);
    }
}
