package uk.gov.dps.events.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.provider.contacts-changed.v1}: a provider's notification contacts were recorded or replaced. It carries
 * the whole list, so a consumer keeps its copy from the latest event alone.
 */
public record ProviderContactsChanged(UUID providerId, String providerName, List<Contact> contacts,
        Instant changedAt) {

    /**
     * Whom to email at the provider, and about what: {@code roles} holds one or more of REFERRALS (call-off
     * invitations, reminders, awards), CONTRACTS (placements, fee changes) and COMPLIANCE (documents, quality).
     */
    public record Contact(String name, String email, List<String> roles) {
    }
}
