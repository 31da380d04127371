package uk.gov.dps.portal.services;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's 4xx/5xx answer into a {@link ServiceProblem} carrying its problem body, so pages can say what
 * the service said. Registered on every client; subclasses name the service.
 */
public abstract class ServiceErrors implements ResponseExceptionMapper<ServiceProblem> {

    private final String service;

    protected ServiceErrors(String service) {
        this.service = service;
    }

    @Override
    public ServiceProblem toThrowable(Response response) {
        return problemOf(service, response);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static ServiceProblem problemOf(String service, Response response) {
        Problem problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.getSubtype().endsWith("json") && response.hasEntity()) {
            try {
                problem = response.readEntity(Problem.class);
            } catch (RuntimeException unreadable) {
                // the status alone still says enough for the page
            }
        }
        return new ServiceProblem(service, response.getStatus(), problem);
    }

    public static final class Placement extends ServiceErrors {
        public Placement() {
            super(PlacementService.NAME);
        }
    }

    public static final class Provider extends ServiceErrors {
        public Provider() {
            super(ProviderService.NAME);
        }
    }
}
