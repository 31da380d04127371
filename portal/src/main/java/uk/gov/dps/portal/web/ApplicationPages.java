package uk.gov.dps.portal.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.ProviderService;

/** Commissioners: the queue of applications to their council's lots (provider-service's GET /applications). */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    /** The service shows pending applications when no status is given. */
    static final String[] STATUSES = {"PENDING", "Waiting for a decision", "ADMITTED", "Admitted", "REJECTED",
            "Rejected"};

    @Inject
    @RestClient
    ProviderService providers;

    @GET
    public TemplateInstance queue(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var applications = providers.applications(status, page);
        return Pages.applications(applications, Pages.Option.of(status, STATUSES),
                Pages.Paging.of(applications, "/applications", status));
    }
}
