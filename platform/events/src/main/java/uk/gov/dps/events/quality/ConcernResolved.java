package uk.gov.dps.events.quality;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.quality.concern-resolved.v1}: a concern was closed, with how it was resolved. */
public record ConcernResolved(UUID concernId, UUID providerId, String resolution, Instant resolvedAt) {
}
