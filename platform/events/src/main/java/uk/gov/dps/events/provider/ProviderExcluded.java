package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.provider.excluded.v1}: a partner council recorded the provider as excluded under the Procurement Act
 * 2023 ({@code ground} MANDATORY, s.57, or DISCRETIONARY, s.58) from {@code startsOn} to {@code endsOn}. It cannot be
 * admitted to a PA2023 dynamic market meanwhile; {@code suspendedLotIds} are the PA2023 lots it was suspended from.
 */
public record ProviderExcluded(
        UUID exclusionId,
        UUID providerId,
        String ground,
        String section,
        String reason,
        LocalDate startsOn,
        LocalDate endsOn,
        String debarmentReference,
        String council,
        List<UUID> suspendedLotIds,
        Instant excludedAt) {
}
