package uk.gov.dps.events.provider;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.provider.document-expiring.v1}: a provider's document expires within the warning period. */
public record ProviderDocumentExpiring(UUID providerId, UUID documentId, String documentType, boolean mandatory,
        String reference, LocalDate expiresOn, int daysLeft) {
}
