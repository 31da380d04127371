package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.provider.reinstated.v1}: a commissioner lifted the suspension in these lots. */
public record ProviderReinstated(
        UUID providerId,
        List<UUID> lotIds,
        String reason,
        Instant reinstatedAt) {
}
