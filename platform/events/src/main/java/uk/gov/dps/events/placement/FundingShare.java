package uk.gov.dps.events.placement;

import java.math.BigDecimal;

/**
 * One funder's share of a placement's cost: {@code HIGH_NEEDS_BLOCK} (DSG), {@code LAC_PLACEMENTS} (the council's
 * social care budget) or {@code HEALTH} (CCG, now ICB). The shares of a placement add up to 100 percent.
 */
public record FundingShare(String stream, BigDecimal percent) {
}
