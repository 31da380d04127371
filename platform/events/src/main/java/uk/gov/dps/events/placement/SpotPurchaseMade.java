package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.placement.spot-purchased.v1}: a placement bought off the DPS under a recorded exemption;
 * {@code referralId} names the unmet referral it answers, when there is one.
 */
public record SpotPurchaseMade(UUID placementId, String council, UUID exemptionId, UUID lotId, String serviceType,
        UUID providerId, String providerName, WeeklyFee weeklyFee, String placementPattern, LocalDate startDate,
        List<FundingShare> fundingShares, Instant purchasedAt, UUID referralId) {

    /** A spot purchase not linked to a referral. */
    public SpotPurchaseMade(UUID placementId, String council, UUID exemptionId, UUID lotId, String serviceType,
            UUID providerId, String providerName, WeeklyFee weeklyFee, String placementPattern, LocalDate startDate,
            List<FundingShare> fundingShares, Instant purchasedAt) {
        this(placementId, council, exemptionId, lotId, serviceType, providerId, providerName, weeklyFee,
                placementPattern, startDate, fundingShares, purchasedAt, null);
    }
}
