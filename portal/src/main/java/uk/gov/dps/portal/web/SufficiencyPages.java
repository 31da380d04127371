package uk.gov.dps.portal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.PlacementService.GroupExposure;
import uk.gov.dps.portal.services.PlacementService.GroupFailure;
import uk.gov.dps.portal.services.PlacementService.SufficiencyReport;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * Commissioners: the sufficiency report of their council or the joint DPS, for a lot and a quarter (tables, and the
 * same figures as CSV for the committee paper), and owner-group exposure with what a group's failure would leave
 * each council to find. placement-service works the figures out; the portal shows them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SufficiencyPages {

    static final String JOINT = "joint";
    static final int GROUPS = 50;

    @CheckedTemplate(basePath = "Sufficiency")
    static final class Templates {

        static native TemplateInstance report(SufficiencyReport report, Form form, List<Option> councils,
                String csvUrl, String currentQuarter);

        static native TemplateInstance ownerGroups(Page<GroupExposure> groups, Pages.Paging paging);

        static native TemplateInstance failure(GroupFailure failure);
    }

    @Inject
    @RestClient
    PlacementService placements;

    @Inject
    Viewer viewer;

    @GET
    @Path("sufficiency")
    public Response report(@QueryParam("council") @DefaultValue("") String council,
            @QueryParam("lotId") @DefaultValue("") String lotId,
            @QueryParam("period") @DefaultValue("") String period) {
        Form form = Form.empty().with("council", council.strip()).with("lotId", lotId.strip())
                .with("period", period.strip().toUpperCase(Locale.UK));
        check(form);
        if (form.hasErrors()) {
            return Response.status(400).entity(page(null, form)).build();
        }
        try {
            return Response.ok(page(placements.sufficiency(blankToNull(form.value("council")),
                    blankToNull(form.value("lotId")), blankToNull(form.value("period"))), form)).build();
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, page(null, form.refusedBy(refused, "period", Map.of("council",
                    "council", "lotId", "lotId", "period", "period"))));
        }
    }

    /** The same figures as a spreadsheet, one row per figure, as placement-service writes them. */
    @GET
    @Path("sufficiency/report.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("council") @DefaultValue("") String council,
            @QueryParam("lotId") @DefaultValue("") String lotId,
            @QueryParam("period") @DefaultValue("") String period) {
        String csv = placements.sufficiencyCsv(blankToNull(council.strip()), blankToNull(lotId.strip()),
                blankToNull(period.strip().toUpperCase(Locale.UK)));
        String name = "sufficiency-" + (council.isBlank() ? viewer.council().toLowerCase(Locale.UK) : council.strip())
                + (period.isBlank() ? "" : "-" + period.strip().toUpperCase(Locale.UK)) + ".csv";
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9.-]", "")
                        + "\"").build();
    }

    private static void check(Form form) {
        String council = form.value("council");
        if (!council.isEmpty() && !JOINT.equals(council)) {
            form.reject("council", "Select your council or all partner councils");
        }
        String lot = form.value("lotId");
        if (!lot.isEmpty() && !VacancyPages.isId(lot)) {
            form.reject("lotId", "Enter the lot's ID as shown on the lot, like 3f2b1c9e-0000-4000-8000-000000000000");
        }
        String period = form.value("period");
        if (!period.isEmpty() && !period.matches("[0-9]{4}-[0-9]{2}-Q[1-4]")) {
            form.reject("period", "Enter the quarter as its financial year and quarter, like 2026-27-Q3");
        }
    }

    private TemplateInstance page(SufficiencyReport report, Form form) {
        List<Option> councils = new ArrayList<>(List.of(new Option("", "Your council (" + viewer.council() + ")",
                !JOINT.equals(form.value("council")))));
        // the joint figures are commissioners' only: placement-service refuses anyone else
        if (viewer.has("commissioner")) {
            councils.add(new Option(JOINT, "All partner councils (the joint DPS)", JOINT.equals(form.value("council"))));
        }
        StringBuilder csv = new StringBuilder("/sufficiency/report.csv");
        char separator = '?';
        for (String name : List.of("council", "lotId", "period")) {
            if (!form.value(name).isEmpty()) {
                csv.append(separator).append(name).append('=').append(form.value(name));
                separator = '&';
            }
        }
        return Templates.report(report, form, councils, csv.toString(), quarterOf(LocalDate.now(Formats.UK)));
    }

    /** "2026-27-Q3" for a day in October to December 2026: quarters of the financial year from April. */
    static String quarterOf(LocalDate day) {
        int month = day.getMonthValue();
        int start = month >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
        return start + "-" + String.format("%02d", (start + 1) % 100) + "-Q" + quarter;
    }

    // --- owner groups ------------------------------------------------------------------------------------------

    @GET
    @Path("owner-groups")
    public TemplateInstance ownerGroups(@QueryParam("page") @DefaultValue("0") int page) {
        Page<GroupExposure> groups = placements.ownerGroups(page, GROUPS);
        return Templates.ownerGroups(groups, LotPages.paging(groups, "/owner-groups?"));
    }

    @GET
    @Path("owner-groups/{number}")
    public TemplateInstance failure(@PathParam("number") String number) {
        return Templates.failure(placements.ownerGroupFailure(number.strip().toUpperCase(Locale.UK)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
