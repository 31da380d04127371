package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.referral.offer-withdrawn.v1}: an invited provider withdrew its offer before its deadline. */
public record OfferWithdrawn(UUID referralId, UUID offerId, UUID providerId, String council, String reason,
        Instant withdrawnAt) {
}
