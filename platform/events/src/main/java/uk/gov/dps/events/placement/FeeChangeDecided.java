package uk.gov.dps.events.placement;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code dps.placement.fee-change-decided.v1}: the council ACCEPTED or REFUSED a provider's fee change request.
 * An accepted request is followed by {@code dps.placement.fee-changed.v1}; {@code reason} may be absent when
 * accepted.
 */
public record FeeChangeDecided(UUID requestId, UUID placementId, String council, UUID providerId, String decision,
        String reason, Instant decidedAt) {
}
