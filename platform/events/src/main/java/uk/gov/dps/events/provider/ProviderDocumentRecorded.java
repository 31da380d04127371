package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.provider.document-recorded.v1}: a provider recorded (or replaced) its current document of one type.
 * A replacement with a later expiry makes an expired mandatory document valid again.
 */
public record ProviderDocumentRecorded(UUID providerId, UUID documentId, String documentType, boolean mandatory,
        String reference, LocalDate issuedOn, LocalDate expiresOn, LocalDate reviewOn, Instant recordedAt) {
}
