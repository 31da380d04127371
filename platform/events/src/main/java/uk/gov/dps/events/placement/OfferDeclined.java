package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.referral.offer-declined.v1}: an invited provider declined, with a structured reason. */
public record OfferDeclined(UUID referralId, UUID providerId, String reason, String detail, Instant declinedAt) {
}
