package uk.gov.dps.provider.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderContactsChanged;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.ContactRole;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class ProviderService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public record Registration(String name, String ofstedUrn, String cqcId, String companiesHouseNumber,
            String postcode, String address, List<Provider.Contact> contacts) {
    }

    @Transactional
    public Provider register(Registration registration, AuditTrail.Actor actor) {
        if (!Provider.hasRegulatorRegistration(registration.ofstedUrn(), registration.cqcId())) {
            throw ProblemException.unprocessable(
                    "A provider must be registered with Ofsted or the CQC: give an Ofsted URN or a CQC id.");
        }
        if (registration.ofstedUrn() != null && Provider.count("ofstedUrn", registration.ofstedUrn()) > 0) {
            throw ProblemException.conflict("A provider with Ofsted URN " + registration.ofstedUrn()
                    + " is already registered.");
        }
        if (registration.cqcId() != null && Provider.count("cqcId", registration.cqcId()) > 0) {
            throw ProblemException.conflict("A provider with CQC id " + registration.cqcId() + " is already registered.");
        }
        // an initial contact list is optional, but one that is given must be complete
        List<Provider.Contact> contacts = registration.contacts().isEmpty() ? List.of()
                : checkedContacts(registration.contacts());
        Provider provider = new Provider();
        provider.id = UUID.randomUUID();
        provider.name = registration.name().strip();
        provider.ofstedUrn = registration.ofstedUrn();
        provider.cqcId = registration.cqcId();
        provider.companiesHouseNumber = registration.companiesHouseNumber();
        provider.postcode = registration.postcode().strip().toUpperCase();
        provider.address = registration.address();
        provider.contacts = new ArrayList<>(contacts);
        provider.registeredAt = clock.instant();
        provider.registeredBy = actor.name();
        provider.persist();
        outbox.publish(EventCatalog.PROVIDER_REGISTERED, provider.id,
                new ProviderRegistered(provider.id, provider.name, provider.ofstedUrn, provider.cqcId,
                        provider.companiesHouseNumber, provider.postcode, provider.registeredAt));
        if (!contacts.isEmpty()) {
            announceContacts(provider);
        }
        audit.record("provider", provider.id, "REGISTERED", actor, null, null);
        return provider;
    }

    /**
     * Replaces the provider's notification contacts. A contact given without roles receives every kind of
     * notification. Publishes dps.provider.contacts-changed.v1 with the whole list, unless nothing changed.
     */
    @Transactional
    public Provider replaceContacts(UUID providerId, List<Provider.Contact> contacts, AuditTrail.Actor actor) {
        Provider provider = get(providerId);
        List<Provider.Contact> checked = checkedContacts(contacts);
        if (checked.equals(provider.contacts)) {
            return provider; // a repeated PUT: nothing to tell anyone
        }
        provider.contacts = new ArrayList<>(checked);
        announceContacts(provider);
        audit.record("provider", provider.id, "CONTACTS_CHANGED", actor, null, Map.of("contacts", checked.size()));
        return provider;
    }

    /** Roles default to all and are kept in the enum's order; one address once; someone must receive referrals. */
    private static List<Provider.Contact> checkedContacts(List<Provider.Contact> contacts) {
        Set<String> addresses = new HashSet<>();
        List<Provider.Contact> checked = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Provider.Contact contact = contacts.get(i);
            // mailboxes compare case-insensitively in practice: the same address twice would get every email twice
            if (!addresses.add(contact.email().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("contacts[" + i + "].email",
                        "is the address of another contact in the list already");
            }
            List<ContactRole> roles = contact.roles() == null || contact.roles().isEmpty()
                    ? List.of(ContactRole.values()) : List.copyOf(EnumSet.copyOf(contact.roles()));
            checked.add(new Provider.Contact(contact.name().strip(), contact.email(), roles,
                    blankToNull(contact.jobTitle()), blankToNull(contact.phone())));
        }
        if (checked.stream().noneMatch(c -> c.roles().contains(ContactRole.REFERRALS))) {
            throw ProblemException.badRequest("contacts",
                    "needs at least one contact with the role REFERRALS, who receives call-off invitations");
        }
        return checked;
    }

    private void announceContacts(Provider provider) {
        outbox.publish(EventCatalog.PROVIDER_CONTACTS_CHANGED, provider.id, new ProviderContactsChanged(provider.id,
                provider.name, provider.contacts.stream().map(c -> new ProviderContactsChanged.Contact(c.name(),
                        c.email(), c.roles().stream().map(Enum::name).toList())).toList(), clock.instant()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Provider get(UUID id) {
        return Provider.<Provider>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Provider", id));
    }

    /** Providers by name; with a lot and/or a membership status, only members in that state. */
    public List<Provider> list(Optional<Membership.Status> status, Optional<UUID> lot, PageRequest page) {
        Sort byName = Sort.by("name").and("id");
        if (status.isEmpty() && lot.isEmpty()) {
            return Provider.findAll(byName).range(page.first(), page.last()).list();
        }
        StringBuilder membership = new StringBuilder(
                "from Provider p where exists (select 1 from Membership m where m.providerId = p.id");
        Parameters parameters = new Parameters();
        lot.ifPresent(id -> {
            membership.append(" and m.lotId = :lot");
            parameters.and("lot", id);
        });
        status.ifPresent(s -> {
            membership.append(" and m.status = :status");
            parameters.and("status", s);
        });
        return Provider.<Provider>find(membership.append(")").toString(), byName, parameters)
                .range(page.first(), page.last()).list();
    }
}
