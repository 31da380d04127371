package uk.gov.dps.placement.service;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.placement.domain.ProviderRegistration;

/** Keeps each provider's Ofsted URN as provider-service announces it, for the SSDA903 episodes report. */
@ApplicationScoped
public class ProviderRegistrations {

    public void registered(ProviderRegistered registered) {
        ProviderRegistration registration = ProviderRegistration.findById(registered.providerId());
        if (registration == null) {
            registration = new ProviderRegistration();
            registration.providerId = registered.providerId();
            registration.ofstedUrn = registered.ofstedUrn();
            registration.persist();
        } else {
            registration.ofstedUrn = registered.ofstedUrn();
        }
    }
}
