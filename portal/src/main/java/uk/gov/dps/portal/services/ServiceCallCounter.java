package uk.gov.dps.portal.services;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.Arc;

/**
 * Counts and times every call a page makes to a service. A {@code @Provider}, so the REST client applies it to every
 * client interface, including those added later, without each registering it.
 */
@Provider
public class ServiceCallCounter implements ClientRequestFilter, ClientResponseFilter {

    private static final String STARTED = ServiceCallCounter.class.getName() + ".started";

    @Inject
    ServiceCalls calls;

    @Override
    public void filter(ClientRequestContext request) {
        if (pageBeingServed()) {
            calls.started();
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started && pageBeingServed()) {
            calls.answered(System.nanoTime() - started);
        }
    }

    private static boolean pageBeingServed() {
        return Arc.container().requestContext().isActive();
    }
}
