package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.provider.suspended.v1}: the provider receives no new call-offs in these lots until reinstated.
 * {@code automatic} is true when a quality event (an Inadequate judgement, a red risk rating) caused it.
 */
public record ProviderSuspended(
        UUID providerId,
        List<UUID> lotIds,
        String reason,
        boolean automatic,
        Instant suspendedAt) {
}
