package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.provider.admitted-to-lot.v1}: the provider is a member of the lot and receives its call-offs. */
public record ProviderAdmittedToLot(
        UUID providerId,
        String providerName,
        UUID lotId,
        UUID applicationId,
        List<String> categories,
        String tier,
        Instant admittedAt) {
}
