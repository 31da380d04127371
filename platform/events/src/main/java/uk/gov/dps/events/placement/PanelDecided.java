package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code dps.referral.panel-decided.v1}: the County Resourcing Panel APPROVED (the placement is made, and
 * {@code dps.placement.awarded.v1} follows) or REFUSED (the referral stays open for another award) a panel request.
 */
public record PanelDecided(UUID requestId, UUID referralId, String council, UUID offerId, String decision,
        String reasons, UUID placementId, Instant decidedAt) {
}
