package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.referral.unmet.v1}: the DPS found no suitable placement; the council may now buy off it. */
public record ReferralUnmet(UUID referralId, String council, UUID lotId, String reason, int rounds,
        List<UUID> invitedProviderIds, Instant closedAt) {
}
