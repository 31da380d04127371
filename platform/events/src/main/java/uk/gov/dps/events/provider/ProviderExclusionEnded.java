package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.provider.exclusion-ended.v1}: a provider's exclusion was ended before its end date; it applies no more
 * from {@code endedOn}. Suspensions it caused stay until a commissioner reinstates the provider.
 */
public record ProviderExclusionEnded(
        UUID exclusionId,
        UUID providerId,
        String reason,
        LocalDate endedOn,
        Instant endedAt) {
}
