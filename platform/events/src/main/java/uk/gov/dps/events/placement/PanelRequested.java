package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.referral.panel-requested.v1}: an award needs the County Resourcing Panel, so a panel request was made
 * instead of a placement. {@code reasons} say why the panel must decide (special school, weekly cost above the
 * threshold).
 */
public record PanelRequested(UUID requestId, UUID referralId, String council, UUID offerId, UUID providerId,
        WeeklyFee weeklyFee, List<String> reasons, String justification, Instant requestedAt) {
}
