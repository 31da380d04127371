package uk.gov.dps.events.placement;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.placement.ended.v1}: the last day of the placement, planned or a disruption, with a reason code and,
 * since they are recorded, its SSDA903 codes (optional: absent on ends recorded before, and where one does not apply).
 */
public record PlacementEnded(UUID placementId, String council, UUID providerId, LocalDate endDate, String endType,
        String reasonCode, String reasonEpisodeCeased, String reasonPlaceChange, String placementType,
        String placementProvider) {

    /** An end without SSDA903 codes, as before they were recorded. */
    public PlacementEnded(UUID placementId, String council, UUID providerId, LocalDate endDate, String endType,
            String reasonCode) {
        this(placementId, council, providerId, endDate, endType, reasonCode, null, null, null, null);
    }
}
