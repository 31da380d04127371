package uk.gov.dps.provider.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class ProviderService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public record Registration(String name, String ofstedUrn, String cqcId, String companiesHouseNumber,
            String postcode) {
    }

    @Transactional
    public Provider register(Registration registration, String registeredBy) {
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
        provider.registeredAt = clock.instant();
        provider.registeredBy = registeredBy;
        provider.persist();
        outbox.publish(EventCatalog.PROVIDER_REGISTERED, provider.id,
                new ProviderRegistered(provider.id, provider.name, provider.ofstedUrn, provider.cqcId,
                        provider.companiesHouseNumber, provider.postcode, provider.registeredAt));
        return provider;
    }

    public Provider get(UUID id) {
        Provider provider = Provider.findById(id);
        if (provider == null) {
            throw ProblemException.notFound("Provider", id);
        }
        return provider;
    }

    public List<Provider> list(PageRequest page) {
        return Provider.findAll(Sort.by("name").and("id")).range(page.first(), page.last()).list();
    }
}
