package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.provider.tier-changed.v1}: the provider moved tier within a lot (e.g. the IFA tiers 1 to 3). */
public record ProviderTierChanged(
        UUID providerId,
        UUID lotId,
        String fromTier,
        String toTier,
        String reason,
        Instant changedAt) {
}
