package uk.gov.dps.portal.web;

import java.net.URI;
import java.time.LocalDate;
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
import uk.gov.dps.portal.web.OfficerTemplates.Officer;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * The council's placements and one placement: its start, a change of weekly fee, and its end with the SSDA903
 * codes. The service holds the codes valid in each collection year and names a wrong one; the form shows that.
 */
@Path("/placements")
@Produces(MediaType.TEXT_HTML)
public class PlacementPages {

    static final String[] STATUSES = {"", "All", "AWARDED", "Awarded", "STARTED", "Started", "ENDED", "Ended"};
    static final String[] END_TYPES = {"PLANNED", "Planned", "DISRUPTION", "Disruption (it broke down)"};

    @Inject
    @RestClient
    PlacementService placements;

    @GET
    public TemplateInstance list(@QueryParam("status") @DefaultValue("") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var list = placements.placements(status.isBlank() ? null : status, page);
        return Officer.placements(list, Option.of(status, STATUSES), Pages.Paging.of(list, "/placements", status));
    }

    @GET
    @Path("{id}")
    public TemplateInstance placement(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return page(id, done, Form.empty());
    }

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        LocalDate startDate = form.date("startDate", "the day the placement started", true);
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, form)).build();
        }
        try {
            placements.start(id, new PlacementService.StartDate(startDate));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, page(id, null, form.refusedBy(refused, "startDate-day")));
        }
        return Response.seeOther(URI.create("/placements/" + id + "?done=started")).build();
    }

    @POST
    @Path("{id}/fee-changes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeFee(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        LocalDate from = form.date("effectiveFrom", "the date the new fee applies from", true);
        var core = form.number("core", "The weekly core fee");
        if (core == null && form.error("core") == null) {
            form.reject("core", "Enter the new weekly core fee");
        }
        var staffing = form.number("additionalStaffing", "Additional staffing");
        var education = form.number("education", "Education");
        var therapy = form.number("therapy", "Therapy");
        String reason = form.text("feeReason", "Enter why the fee changes");
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, form)).build();
        }
        try {
            placements.changeFee(id, new PlacementService.FeeChange(from,
                    new PlacementService.FeeLines(core, staffing, education, therapy, null), reason));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, page(id, null, form.refusedBy(refused, "core")));
        }
        return Response.seeOther(URI.create("/placements/" + id + "?done=fee")).build();
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        LocalDate endDate = form.date("endDate", "the placement's last day", true);
        String endType = form.text("endType", "Select whether the end was planned or a disruption");
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, form)).build();
        }
        try {
            placements.end(id, new PlacementService.End(endDate, endType, upper(form.text("reasonEpisodeCeased")),
                    upper(form.text("reasonPlaceChange")), upper(form.text("placementType"))));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, page(id, null, form.refusedBy(refused, "reasonEpisodeCeased")));
        }
        return Response.seeOther(URI.create("/placements/" + id + "?done=ended")).build();
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }

    private TemplateInstance page(UUID id, String done, Form form) {
        return Officer.placement(placements.placement(id), done == null ? "" : done, form,
                Option.of(form.value("endType"), END_TYPES));
    }
}
