package uk.gov.dps.events.placement;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.placement.started.v1}: the child moved in (or started school) on {@code startDate}. */
public record PlacementStarted(UUID placementId, String council, UUID providerId, LocalDate startDate) {
}
