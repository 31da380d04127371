package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.referral.cancelled.v1}: the council withdrew the referral before award; invitations are closed. */
public record ReferralCancelled(UUID referralId, String council, String reason, List<UUID> invitedProviderIds,
        Instant cancelledAt) {
}
