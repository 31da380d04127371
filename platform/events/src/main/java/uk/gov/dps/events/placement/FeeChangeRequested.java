package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.placement.fee-change-requested.v1}: the placement's provider asks its council to change the weekly
 * fee from {@code effectiveFrom}. Nothing changes until the council accepts it.
 */
public record FeeChangeRequested(UUID requestId, UUID placementId, String council, UUID providerId,
        WeeklyFee weeklyFee, LocalDate effectiveFrom, String reason, Instant requestedAt) {
}
