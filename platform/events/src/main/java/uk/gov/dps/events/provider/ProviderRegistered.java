package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.UUID;

/** {@code dps.provider.registered.v1}: an organisation registered; it is not yet a member of any lot. */
public record ProviderRegistered(
        UUID providerId,
        String name,
        String ofstedUrn,
        String cqcId,
        String companiesHouseNumber,
        String postcode,
        Instant registeredAt) {
}
