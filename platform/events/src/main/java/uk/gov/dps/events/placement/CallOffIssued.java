package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.referral.called-off.v1}: these lot members are invited to offer by {@code respondBy}. */
public record CallOffIssued(UUID referralId, String council, UUID lotId, String category,
        List<UUID> invitedProviderIds, String tier, Instant respondBy, Instant issuedAt) {
}
