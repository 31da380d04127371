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
import uk.gov.dps.portal.services.PlacementService;

/** Providers: the invitations inbox (placement-service's GET /invitations, the provider's own only). */
@Path("/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationPages {

    static final String[] STATUSES = {"", "All", "OPEN", "Open", "RESPONDED", "Responded", "EXPIRED", "Expired",
            "CLOSED", "Closed"};

    @Inject
    @RestClient
    PlacementService placements;

    @GET
    public TemplateInstance inbox(@QueryParam("status") @DefaultValue("") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var invitations = placements.invitations(status.isBlank() ? null : status, page);
        return Pages.invitations(invitations, Pages.Option.of(status, STATUSES),
                Pages.Paging.of(invitations, "/invitations", status));
    }
}
