package uk.gov.dps.events.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code dps.quality.risk-rating-changed.v1}: the provider's RAG risk rating changed, with the reasons. */
public record RiskRatingChanged(
        UUID providerId,
        String from,
        String to,
        List<String> reasons,
        Instant changedAt) {
}
