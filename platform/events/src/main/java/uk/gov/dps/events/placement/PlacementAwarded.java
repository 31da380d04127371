package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.placement.awarded.v1}: an offer won the call-off; an individual placement agreement exists.
 * Spend commits the fee from {@code plannedStart} across the funding shares. {@code justification}: why an offer
 * other than the one ranked first was awarded (absent otherwise). {@code noticeReference}: the contract award (or
 * contract details) notice the award relates to; always present on a Procurement Act 2023 dynamic market.
 */
public record PlacementAwarded(UUID placementId, UUID referralId, String council, UUID lotId, String serviceType,
        UUID providerId, UUID offerId, WeeklyFee weeklyFee, String placementPattern, LocalDate plannedStart,
        LocalDate expectedEnd, List<FundingShare> fundingShares, String panelApprovalReference,
        boolean parentalPreference, List<UUID> unsuccessfulProviderIds, Instant awardedAt, String justification,
        String noticeReference) {

    /** An award recording no notice (any regime but a Procurement Act 2023 dynamic market). */
    public PlacementAwarded(UUID placementId, UUID referralId, String council, UUID lotId, String serviceType,
            UUID providerId, UUID offerId, WeeklyFee weeklyFee, String placementPattern, LocalDate plannedStart,
            LocalDate expectedEnd, List<FundingShare> fundingShares, String panelApprovalReference,
            boolean parentalPreference, List<UUID> unsuccessfulProviderIds, Instant awardedAt, String justification) {
        this(placementId, referralId, council, lotId, serviceType, providerId, offerId, weeklyFee, placementPattern,
                plannedStart, expectedEnd, fundingShares, panelApprovalReference, parentalPreference,
                unsuccessfulProviderIds, awardedAt, justification, null);
    }

    /** An award of the offer ranked first, which needs no justification. */
    public PlacementAwarded(UUID placementId, UUID referralId, String council, UUID lotId, String serviceType,
            UUID providerId, UUID offerId, WeeklyFee weeklyFee, String placementPattern, LocalDate plannedStart,
            LocalDate expectedEnd, List<FundingShare> fundingShares, String panelApprovalReference,
            boolean parentalPreference, List<UUID> unsuccessfulProviderIds, Instant awardedAt) {
        this(placementId, referralId, council, lotId, serviceType, providerId, offerId, weeklyFee, placementPattern,
                plannedStart, expectedEnd, fundingShares, panelApprovalReference, parentalPreference,
                unsuccessfulProviderIds, awardedAt, null);
    }
}
