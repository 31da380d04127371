package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code dps.provider.application-submitted.v1}: a provider asked to join a lot; the legal clock starts. */
public record ApplicationSubmitted(
        UUID applicationId,
        UUID providerId,
        UUID lotId,
        List<String> categories,
        String requestedTier,
        Instant receivedAt,
        LocalDate dueOn) {
}
