package uk.gov.dps.portal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
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
import uk.gov.dps.portal.services.ProviderService;
import uk.gov.dps.portal.services.ServiceProblem;

/**
 * Commissioners: the queue of applications to their council's lots (provider-service's GET /applications), one
 * application, and the decision on it: admit (to a tier, for a tiered lot) or reject with reasons.
 */
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

    static final List<String> OUTCOMES = List.of("ADMIT", "REJECT");

    @GET
    @Path("{id}")
    public TemplateInstance application(@PathParam("id") UUID id, @QueryParam("decided") boolean decided) {
        return page(providers.application(id), decided, Form.empty());
    }

    /** The service decides who may decide and when (its 409 once decided); the portal asks for what it needs. */
    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String outcome = form.choice("outcome", OUTCOMES, "Select whether to admit the provider or reject the"
                + " application");
        String reasons = form.text("reasons", "REJECT".equals(outcome) ? "Enter the reasons for rejecting the"
                + " application" : null);
        String tier = form.text("tier", null);
        if (!form.hasErrors()) {
            try {
                providers.decide(id, new ProviderService.Decision(outcome, reasons,
                        "ADMIT".equals(outcome) ? tier : null));
                return Response.seeOther(URI.create("/applications/" + id + "?decided=true")).build();
            } catch (ServiceProblem refused) {
                if (refused.status() != 400 && refused.status() != 409) {
                    throw refused;
                }
                form.refusedBy(refused, "outcome", Map.of("reasons", "reasons", "tier", "tier"));
                return Response.status(refused.status()).entity(page(providers.application(id), false, form))
                        .build();
            }
        }
        return Response.status(400).entity(page(providers.application(id), false, form)).build();
    }

    private TemplateInstance page(ProviderService.ApplicationDetail application, boolean decided, Form form) {
        return MarketTemplates.application(application, decided, form, Pages.Option.of(form.value("outcome"),
                "ADMIT", "Admit the provider to the lot", "REJECT", "Reject the application"));
    }
}
