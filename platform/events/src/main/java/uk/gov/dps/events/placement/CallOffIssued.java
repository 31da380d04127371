package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.referral.called-off.v1}: these lot members are invited to offer by {@code respondBy}. {@code round}
 * is 1 for the first call-off and counts up when a call-off without a suitable offer is re-run; absent in events
 * published before rounds existed (read as round 1).
 */
public record CallOffIssued(UUID referralId, String council, UUID lotId, String category,
        List<UUID> invitedProviderIds, String tier, Instant respondBy, Instant issuedAt, Integer round) {

    /** A first-round call-off, as published before rounds existed. */
    public CallOffIssued(UUID referralId, String council, UUID lotId, String category, List<UUID> invitedProviderIds,
            String tier, Instant respondBy, Instant issuedAt) {
        this(referralId, council, lotId, category, invitedProviderIds, tier, respondBy, issuedAt, null);
    }
}
