package uk.gov.dps.events.placement;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.placement.fee-changed.v1}: the weekly fee changes from {@code effectiveFrom} (uplift, new need). */
public record PlacementFeeChanged(UUID placementId, String council, LocalDate effectiveFrom, WeeklyFee weeklyFee,
        String reason) {
}
