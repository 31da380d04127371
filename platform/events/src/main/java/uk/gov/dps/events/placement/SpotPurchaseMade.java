package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code dps.placement.spot-purchased.v1}: a placement bought off the DPS under a recorded exemption. */
public record SpotPurchaseMade(UUID placementId, String council, UUID exemptionId, UUID lotId, String serviceType,
        UUID providerId, String providerName, WeeklyFee weeklyFee, String placementPattern, LocalDate startDate,
        List<FundingShare> fundingShares, Instant purchasedAt) {
}
