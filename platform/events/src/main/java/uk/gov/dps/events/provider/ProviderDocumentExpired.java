package uk.gov.dps.events.provider;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.provider.document-expired.v1}: a mandatory document passed its expiry and was not replaced. */
public record ProviderDocumentExpired(UUID providerId, UUID documentId, String documentType, String reference,
        LocalDate expiresOn) {
}
