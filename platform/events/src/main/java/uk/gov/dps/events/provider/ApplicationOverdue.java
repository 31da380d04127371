package uk.gov.dps.events.provider;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code dps.provider.application-overdue.v1}: an application to a lot is still undecided after its due date;
 * announced once per application and due date.
 */
public record ApplicationOverdue(UUID applicationId, UUID providerId, String providerName, UUID lotId,
        LocalDate dueOn, int workingDaysOverdue) {
}
