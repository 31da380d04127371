package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** provider-service as the portal calls it: the commissioner's queue of applications to the council's lots. */
@RegisterRestClient(configKey = ProviderService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ServiceErrors.Provider.class)
public interface ProviderService {

    String NAME = "provider-service";

    record Application(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            String status, Instant receivedAt, LocalDate dueOn, boolean extended, boolean overdue) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    @GET
    @Path("/applications")
    Page<Application> applications(@QueryParam("status") String status, @QueryParam("page") int page);
}
