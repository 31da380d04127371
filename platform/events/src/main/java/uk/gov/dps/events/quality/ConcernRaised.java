package uk.gov.dps.events.quality;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.quality.concern-raised.v1}: a partner council raised a concern about a provider. */
public record ConcernRaised(UUID concernId, UUID providerId, String severity, String summary,
        String raisingCouncil, Instant raisedAt) {
}
