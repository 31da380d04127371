package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
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
import uk.gov.dps.portal.services.KpiReturns;
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.Problem;
import uk.gov.dps.portal.services.ProviderService;
import uk.gov.dps.portal.services.ServiceProblem;

/**
 * Providers: their own placements with the agreement's terms and fee history (placement-service), their
 * organisation's documents with expiry (provider-service) and their quarterly KPI returns
 * (contract-monitoring-service). The services decide what is theirs; the organisation comes from the sign-in.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ProviderPages {

    /** provider-service's document types, as people name them. */
    static final String[] DOCUMENT_TYPES = {"PUBLIC_LIABILITY_INSURANCE", "Public liability insurance",
            "EMPLOYERS_LIABILITY_INSURANCE", "Employer's liability insurance", "REGISTRATION_CERTIFICATE",
            "Registration certificate", "SAFEGUARDING_POLICY", "Safeguarding policy", "DBS_POLICY", "DBS policy"};

    static final BigDecimal HUNDRED = new BigDecimal("100");

    @Inject
    @RestClient
    PlacementService placements;

    @Inject
    @RestClient
    ProviderService providers;

    @Inject
    @RestClient
    KpiReturns kpiReturns;

    @Inject
    Viewer viewer;

    @GET
    @Path("your-placements")
    public TemplateInstance placements(@QueryParam("requested") boolean requested,
            @QueryParam("page") @DefaultValue("0") int page) {
        var own = placements.ownPlacements(null, page);
        return MarketTemplates.placements(own, requested, LotPages.paging(own, "/your-placements?"));
    }

    @GET
    @Path("your-placements/{id}/fee-change")
    public TemplateInstance feeChange(@PathParam("id") UUID id) {
        return MarketTemplates.feeChange(placements.ownPlacement(id), Form.empty(), keyOf(Form.empty()));
    }

    /** A request to the placement's council: the fee changes only when the council accepts it. */
    @POST
    @Path("your-placements/{id}/fee-change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestFeeChange(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        var from = form.date("effectiveFrom", "date the new fee starts", true);
        BigDecimal core = form.money("core", "core weekly fee", true);
        BigDecimal staffing = form.money("additionalStaffing", "additional staffing fee", false);
        BigDecimal education = form.money("education", "education fee", false);
        BigDecimal therapy = form.money("therapy", "therapy fee", false);
        String reason = form.text("reason", "Enter why the fee should change");
        if (reason != null && reason.length() > 2000) {
            form.reject("reason", "The reason must be 2,000 characters or fewer");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(MarketTemplates.feeChange(placements.ownPlacement(id), form,
                    keyOf(form))).build();
        }
        try {
            placements.requestFeeChange(id, keyOf(form), new PlacementService.FeeChange(from,
                    new PlacementService.FeeLines(core, orZero(staffing), orZero(education), orZero(therapy), null),
                    reason));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            form.refusedBy(refused, "effectiveFrom", Map.of("effectiveFrom", "effectiveFrom", "core", "core",
                    "additionalStaffing", "additionalStaffing", "education", "education", "therapy", "therapy",
                    "reason", "reason"));
            return Response.status(refused.status()).entity(MarketTemplates.feeChange(placements.ownPlacement(id),
                    form, keyOf(form))).build();
        }
        return Response.seeOther(URI.create("/your-placements?requested=true")).build();
    }

    @GET
    @Path("documents")
    public TemplateInstance documents(@QueryParam("recorded") boolean recorded) {
        return documents(recorded, Form.empty());
    }

    @POST
    @Path("documents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordDocument(MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String type = form.choice("type", codes(DOCUMENT_TYPES), "Select the type of document");
        String reference = form.text("reference", "Enter the document's reference, such as the policy number");
        String title = form.text("title", null);
        var issued = form.date("issuedOn", "date it was issued", true);
        // insurance and registration expire; policies are reviewed (the service says which need what)
        var expires = form.date("expiresOn", "expiry date", false);
        var review = form.date("reviewOn", "review date", false);
        if (issued != null && expires != null && expires.isBefore(issued)) {
            form.rejectDate("expiresOn", "The expiry date must be on or after the date it was issued");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(documents(false, form)).build();
        }
        try {
            providers.recordDocument(ownProvider(), idempotencyKey(form), new ProviderService.NewDocument(type,
                    reference, title, issued, expires, review));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            form.refusedBy(refused, "type", Map.of("type", "type", "reference", "reference", "title", "title",
                    "issuedOn", "issuedOn", "expiresOn", "expiresOn", "reviewOn", "reviewOn"));
            return Response.status(refused.status()).entity(documents(false, form)).build();
        }
        return Response.seeOther(URI.create("/documents?recorded=true")).build();
    }

    @GET
    @Path("kpi-returns")
    public TemplateInstance kpiReturns(@QueryParam("submitted") boolean submitted,
            @QueryParam("page") @DefaultValue("0") int page) {
        return kpiReturns(submitted, page, Form.empty());
    }

    @POST
    @Path("kpi-returns")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitKpiReturn(MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String quarter = form.text("quarter", "Enter the quarter, such as 2026-Q3");
        if (quarter != null && !quarter.toUpperCase(java.util.Locale.ROOT).matches("[0-9]{4}-Q[1-4]")) {
            form.reject("quarter", "Enter the quarter as a year and quarter, such as 2026-Q3");
        }
        var occupancy = form.percent("occupancyPercent", "occupancy", HUNDRED);
        var turnover = form.percent("staffTurnoverPercent", "staff turnover", null);
        var incidents = form.count("incidents", "number of incidents");
        var missing = form.count("missingEpisodes", "number of missing episodes");
        var attendance = form.percent("educationAttendancePercent", "education attendance", HUNDRED);
        var complaints = form.count("complaints", "number of complaints");
        if (form.hasErrors()) {
            return Response.status(400).entity(kpiReturns(false, 0, form)).build();
        }
        try {
            kpiReturns.submit(idempotencyKey(form), new KpiReturns.NewKpiReturn(ownProvider(),
                    quarter.toUpperCase(java.util.Locale.ROOT), occupancy, turnover, incidents, missing, attendance,
                    complaints));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            form.refusedBy(refused, "quarter", Map.of("quarter", "quarter", "occupancyPercent", "occupancyPercent",
                    "staffTurnoverPercent", "staffTurnoverPercent", "incidents", "incidents", "missingEpisodes",
                    "missingEpisodes", "educationAttendancePercent", "educationAttendancePercent", "complaints",
                    "complaints"));
            return Response.status(refused.status()).entity(kpiReturns(false, 0, form)).build();
        }
        return Response.seeOther(URI.create("/kpi-returns?submitted=true")).build();
    }

    private TemplateInstance documents(boolean recorded, Form form) {
        return MarketTemplates.documents(providers.documents(ownProvider()), recorded, form,
                Pages.Option.of(form.value("type"), withChoose(DOCUMENT_TYPES)), keyOf(form));
    }

    private TemplateInstance kpiReturns(boolean submitted, int page, Form form) {
        var returns = kpiReturns.returns(page);
        return MarketTemplates.kpiReturns(returns, submitted, form, LotPages.paging(returns, "/kpi-returns?"),
                keyOf(form));
    }

    /** The signed-in person's organisation, from their token; someone without one has no documents here. */
    private UUID ownProvider() {
        try {
            return UUID.fromString(viewer.providerId());
        } catch (IllegalArgumentException e) {
            throw new ServiceProblem("portal", 403, new Problem(null, "Forbidden", 403,
                    "Your sign-in does not name a provider organisation.", null));
        }
    }

    /** A key made when the form was drawn: sending the same form twice records it once. */
    private static String keyOf(Form form) {
        return form.value("idempotencyKey").isBlank() ? UUID.randomUUID().toString() : form.value("idempotencyKey");
    }

    private static String idempotencyKey(Form form) {
        return keyOf(form);
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static List<String> codes(String[] valuesAndTexts) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < valuesAndTexts.length; i += 2) {
            codes.add(valuesAndTexts[i]);
        }
        return codes;
    }

    private static String[] withChoose(String[] valuesAndTexts) {
        String[] all = new String[valuesAndTexts.length + 2];
        all[0] = "";
        all[1] = "Choose a type";
        System.arraycopy(valuesAndTexts, 0, all, 2, valuesAndTexts.length);
        return all;
    }
}
