package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.referral.offer-submitted.v1}: an invited provider offered a placement, in one of its settings when it
 * names one ({@code settingId}, see {@code dps.provider.setting-registered.v1}).
 */
public record OfferSubmitted(UUID referralId, UUID offerId, UUID providerId, WeeklyFee weeklyFee,
        LocalDate proposedStart, Instant submittedAt, UUID settingId) {
}
