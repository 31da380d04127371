package uk.gov.dps.provider.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.messaging.Outbox;
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
        Provider provider = new Provider();
        provider.id = UUID.randomUUID();
        provider.name = registration.name().strip();
        provider.ofstedUrn = registration.ofstedUrn();
        provider.cqcId = registration.cqcId();
        provider.companiesHouseNumber = registration.companiesHouseNumber();
        provider.postcode = registration.postcode().strip().toUpperCase();
        provider.address = registration.address();
        provider.contacts = new java.util.ArrayList<>(registration.contacts());
        provider.registeredAt = clock.instant();
        provider.registeredBy = actor.name();
        provider.persist();
        outbox.publish(EventCatalog.PROVIDER_REGISTERED, provider.id,
                new ProviderRegistered(provider.id, provider.name, provider.ofstedUrn, provider.cqcId,
                        provider.companiesHouseNumber, provider.postcode, provider.registeredAt));
        audit.record("provider", provider.id, "REGISTERED", actor, null, null);
        return provider;
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
