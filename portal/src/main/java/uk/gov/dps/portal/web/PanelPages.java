package uk.gov.dps.portal.web;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.OfficerTemplates.Panel;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * The County Resourcing Panel: awards waiting for its decision, oldest first; one request with what the officer
 * asked and why, the child's minimal profile and how the offers ranked; approve or refuse, with reasons.
 */
@Path("/panel-requests")
@Produces(MediaType.TEXT_HTML)
public class PanelPages {

    static final String[] STATUSES = {"PENDING", "Waiting for a decision", "APPROVED", "Approved", "REFUSED",
            "Refused", "", "All"};
    static final String[] DECISIONS = {"APPROVED", "Approve", "REFUSED", "Refuse"};

    @Inject
    @RestClient
    PlacementService placements;

    @GET
    public TemplateInstance queue(@QueryParam("status") @DefaultValue("PENDING") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var requests = placements.panelRequests(status.isBlank() ? null : status, page);
        return Panel.queue(requests, Option.of(status, STATUSES),
                Pages.Paging.of(requests, "/panel-requests", status));
    }

    @GET
    @Path("{id}")
    public TemplateInstance request(@PathParam("id") UUID id, @QueryParam("decided") boolean decided) {
        return page(id, decided, Form.empty());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String decision = form.text("decision", "Select whether the panel approves or refuses the award");
        String reasons = form.text("reasons", "REFUSED".equals(decision) ? "Enter the panel's reasons for"
                + " refusing" : "Enter the panel's reasons");
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, false, form)).build();
        }
        try {
            placements.decide(id, new PlacementService.Decision(decision, reasons));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, page(id, false, form.refusedBy(refused, "decision")));
        }
        return Response.seeOther(URI.create("/panel-requests/" + id + "?decided=true")).build();
    }

    private TemplateInstance page(UUID id, boolean decided, Form form) {
        return Panel.request(placements.panelRequest(id), decided, form,
                Option.of(form.value("decision"), DECISIONS));
    }
}
