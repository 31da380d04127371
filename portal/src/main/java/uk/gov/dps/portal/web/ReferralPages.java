package uk.gov.dps.portal.web;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.PlacementService.Referral;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.FormError;

/** Placement officers and the panel: the council's referrals, one referral, and its in-house check. */
@Path("/referrals")
@Produces(MediaType.TEXT_HTML)
public class ReferralPages {

    static final String[] STATUSES = {"", "All", "RAISED", "Raised", "PLACED_IN_HOUSE", "Placed in house",
            "CALLED_OFF", "Called off", "AWAITING_PANEL", "Awaiting panel", "AWARDED", "Awarded", "UNMET", "Unmet",
            "CANCELLED", "Cancelled", "CLOSED", "Closed"};

    @Inject
    @RestClient
    PlacementService placements;

    @GET
    public TemplateInstance list(@QueryParam("status") @DefaultValue("") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        // the service checks the status and the council; an unknown status comes back as its 400
        var referrals = placements.referrals(status.isBlank() ? null : status, page);
        return Pages.referrals(referrals, Pages.Option.of(status, STATUSES),
                Pages.Paging.of(referrals, "/referrals", status));
    }

    @GET
    @Path("{id}")
    public TemplateInstance referral(@PathParam("id") UUID id, @QueryParam("recorded") boolean recorded) {
        return page(placements.referral(id), recorded, List.of(), null, null);
    }

    /**
     * The in-house check, the first thing an officer records: a form the portal checks for what the person must
     * choose, and the service for everything else (its 409 when the referral is past that step).
     */
    @POST
    @Path("{id}/in-house-check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordInHouseCheck(@PathParam("id") UUID id, @RestForm String outcome, @RestForm String notes) {
        if (!"AVAILABLE".equals(outcome) && !"NOT_AVAILABLE".equals(outcome)) {
            return Response.status(400).entity(page(placements.referral(id), false,
                    List.of(new FormError("#outcome", "Select whether an in-house placement is available")),
                    outcome, notes)).build();
        }
        try {
            placements.recordInHouseCheck(id, new PlacementService.InHouseCheck(outcome,
                    notes == null || notes.isBlank() ? null : notes.strip()));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            return Response.status(refused.status()).entity(page(placements.referral(id), false,
                    ErrorPages.formErrors(refused, "#outcome"), outcome, notes)).build();
        }
        // post/redirect/get: a reload does not send the form again
        return Response.seeOther(URI.create("/referrals/" + id + "?recorded=true")).build();
    }

    private TemplateInstance page(Referral referral, boolean recorded, List<FormError> errors, String outcome,
            String notes) {
        return Pages.referral(referral, recorded, errors,
                Pages.Option.of(outcome, "AVAILABLE", "Yes, the child can be placed in house", "NOT_AVAILABLE",
                        "No, call off the lot"), notes == null ? "" : notes);
    }
}
