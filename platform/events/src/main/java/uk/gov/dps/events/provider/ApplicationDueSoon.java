package uk.gov.dps.events.provider;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.provider.application-due-soon.v1}: an undecided application to a lot must be decided within a few
 * working days (0 = today); announced once per application and due date.
 */
public record ApplicationDueSoon(UUID applicationId, UUID providerId, String providerName, UUID lotId,
        LocalDate dueOn, int workingDaysLeft) {
}
