package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.referral.offer-amended.v1}: an invited provider replaced its offer before its deadline; the fields
 * are the offer as it now stands. {@code reason} is absent when the provider gave none.
 */
public record OfferAmended(UUID referralId, UUID offerId, UUID providerId, String council, WeeklyFee weeklyFee,
        LocalDate proposedStart, String homeReference, List<String> needsMet, String reason, Instant amendedAt,
        UUID settingId) {
}
