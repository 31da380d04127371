package uk.gov.dps.events.placement;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.placement.ended.v1}: the last day of the placement, planned or a disruption, with a reason code. */
public record PlacementEnded(UUID placementId, String council, UUID providerId, LocalDate endDate, String endType,
        String reasonCode) {
}
