package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.provider.withdrawn.v1}: the provider left these lots; it may apply again later. */
public record ProviderWithdrawn(
        UUID providerId,
        List<UUID> lotIds,
        String reason,
        Instant withdrawnAt) {
}
