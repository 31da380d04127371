package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of one vacancy a provider declared at one of its settings after it was declared, confirmed or
 * withdrawn ({@code dps.provider.vacancy-declared.v1}, {@code -confirmed.v1}, {@code -withdrawn.v1}). Ages and needs
 * narrow the setting's profile for this vacancy; null means "as the setting's profile".
 */
public record VacancySnapshot(
        UUID vacancyId,
        UUID settingId,
        UUID providerId,
        int places,
        LocalDate availableFrom,
        Integer minAge,
        Integer maxAge,
        List<String> needs,
        boolean emergency,
        String status,
        String withdrawnReason,
        Instant confirmedAt,
        Instant changedAt) {
}
