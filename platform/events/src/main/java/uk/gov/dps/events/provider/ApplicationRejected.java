package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.provider.application-rejected.v1}: the provider did not meet the lot's selection criteria. */
public record ApplicationRejected(
        UUID applicationId,
        UUID providerId,
        UUID lotId,
        String reasons,
        Instant rejectedAt) {
}
