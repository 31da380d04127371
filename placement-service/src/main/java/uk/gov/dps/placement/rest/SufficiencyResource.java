package uk.gov.dps.placement.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.placement.domain.FinancialQuarter;
import uk.gov.dps.placement.service.MarketView;
import uk.gov.dps.placement.service.OwnerGroupExposure;
import uk.gov.dps.placement.service.SufficiencyReports;
import uk.gov.dps.placement.service.SufficiencyReports.Report;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/**
 * The sufficiency report and owner-group exposure: aggregates for commissioners (their council's, or the joint
 * figures of the shared DPS) and placement officers (their own council's only). Providers may not see them.
 */
@Path("/")
@Tag(name = "Sufficiency and owner-group exposure")
public class SufficiencyResource {

    /** {@code council=joint}: every partner council's figures together (commissioners only). */
    static final String JOINT = "joint";

    /** Quotes only what must be quoted (commas, quotes, line breaks), so the rows read plainly. */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema CSV_COLUMNS = CSV.schemaFor(CsvRow.class).withHeader();

    @Inject
    SufficiencyReports reports;

    @Inject
    OwnerGroupExposure exposure;

    @Inject
    MarketView market;

    @Inject
    PartnerCouncils partners;

    @Inject
    Caller caller;

    /**
     * One figure of the report as a spreadsheet row: what it is about (section), which figure, its breakdown (a
     * reason, a lot, a provider; blank for a total) and its value. Percentages are 0-100, money is pounds.
     */
    @JsonPropertyOrder({"section", "figure", "breakdown", "value"})
    public record CsvRow(String section, String figure, String breakdown, String value) {
    }

    @GET
    @Path("reports/sufficiency")
    @Produces({MediaType.APPLICATION_JSON, ChildrenResource.TEXT_CSV})
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER})
    @Operation(summary = "The sufficiency report of a council (default yours) or the joint DPS, as JSON or CSV",
            description = "council: yours (default) or 'joint' for every partner council together (commissioners "
                    + "only; another council: 403). lotId: one lot. period: a financial-year quarter written "
                    + "YYYY-YY-Qn, e.g. 2026-27-Q3 for 1 October to 31 December 2026 (Q1 April-June ... Q4 "
                    + "January-March), UK time; absent: all time. Referral figures cover the referrals raised in the "
                    + "period as they stand now; placement figures the placements awarded in the period; emergency "
                    + "capacity is today's. Accept: text/csv (or GET reports/sufficiency.csv) answers one row per "
                    + "figure: section, figure, breakdown, value.")
    public Response sufficiency(@QueryParam("council") String council, @QueryParam("lotId") String lotId,
            @QueryParam("period") String period, @Context HttpHeaders headers) {
        Report report = reports.report(scope(council, lotId, period));
        if (ChildrenResource.wantsCsv(headers)) {
            return csv(report);
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("reports/sufficiency.csv")
    @Produces(ChildrenResource.TEXT_CSV)
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER})
    @Operation(summary = "The sufficiency report as CSV (same filters and layout as Accept: text/csv)")
    public Response sufficiencyCsv(@QueryParam("council") String council, @QueryParam("lotId") String lotId,
            @QueryParam("period") String period) {
        return csv(reports.report(scope(council, lotId, period)));
    }

    @GET
    @Path("reports/owner-groups")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER})
    @Operation(summary = "Per owner group: children placed now per council and their weekly cost, settings, places",
            description = "Owner groups are the parent companies (Companies House number) settings name; most "
                    + "children first. Commissioners see every partner council's children; placement officers "
                    + "their own council's. Active placements (awarded or started), weekly fee in force today.")
    public Page<OwnerGroupExposure.GroupExposure> ownerGroups(@Valid @BeanParam PageRequest page) {
        List<OwnerGroupExposure.GroupExposure> all = exposure.groups(exposureCouncil());
        int from = Math.min(page.first(), all.size());
        return Page.of(all.subList(from, Math.min(page.last() + 1, all.size())), page.page, page.size, g -> g);
    }

    @GET
    @Path("reports/owner-groups/{companiesHouseNumber}/failure")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER})
    @Operation(summary = "What if this owner group failed: children affected per council and lot, weekly cost, "
            + "today's matching open vacancies elsewhere per lot",
            description = "Matching vacancies: open, confirmed within 7 days, available today, at other groups' open "
                    + "settings whose provider is an active member of the lot, taking an affected child's age band, "
                    + "sex and needs. Commissioners: every council; placement officers: their own council's children. "
                    + "404 for a group no setting names.")
    public OwnerGroupExposure.Failure failure(@PathParam("companiesHouseNumber") String companiesHouseNumber) {
        if (!companiesHouseNumber.matches("[A-Z0-9]{8}")) {
            throw ProblemException.badRequest("companiesHouseNumber", "must be 8 letters or digits, e.g. 09876543");
        }
        return exposure.failure(companiesHouseNumber, exposureCouncil());
    }

    /** Commissioners see every council's children with a group; placement officers their own council's. */
    private String exposureCouncil() {
        String own = caller.requirePartnerCouncil();
        return caller.hasRole(Roles.COMMISSIONER) ? null : own;
    }

    private SufficiencyReports.Scope scope(String council, String lotId, String period) {
        String own = caller.requirePartnerCouncil();
        String wanted = council == null || council.isBlank() ? own : council.strip().toLowerCase();
        if (JOINT.equals(wanted)) {
            if (!caller.hasRole(Roles.COMMISSIONER)) {
                throw ProblemException.forbidden("The joint figures of the DPS are for commissioners; placement "
                        + "officers see their own council's.");
            }
            wanted = null;
        } else if (!partners.isPartner(wanted)) {
            throw ProblemException.badRequest("council", "must be a partner council or '" + JOINT + "'");
        } else if (!wanted.equals(own)) {
            throw ProblemException.forbidden("You may see your own council's figures, or (commissioners) the joint "
                    + "figures.");
        }
        UUID lot = null;
        if (lotId != null && !lotId.isBlank()) {
            try {
                lot = UUID.fromString(lotId.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("lotId", "must be a lot's id (a UUID)");
            }
            market.lot(lot);
        }
        FinancialQuarter quarter = null;
        if (period != null && !period.isBlank()) {
            quarter = FinancialQuarter.parse(period).orElseThrow(() -> ProblemException.badRequest("period",
                    "must be a financial-year quarter written " + FinancialQuarter.FORMAT));
        }
        return new SufficiencyReports.Scope(wanted, lot, quarter);
    }

    private static Response csv(Report r) {
        List<CsvRow> rows = new ArrayList<>();
        add(rows, "scope", "council", null, r.joint() ? JOINT : r.council());
        add(rows, "scope", "lot", null, r.lotId());
        add(rows, "scope", "period", null, r.period() == null ? "all time" : r.period());
        add(rows, "scope", "from", null, r.from());
        add(rows, "scope", "to", null, r.to());
        add(rows, "scope", "as of", null, r.asOf());
        var ref = r.referrals();
        add(rows, "referrals", "raised", null, ref.raised());
        add(rows, "referrals", "placed", null, ref.placed());
        add(rows, "referrals", "placed in-house", null, ref.placedInHouse());
        add(rows, "referrals", "unmet", null, ref.unmet());
        add(rows, "referrals", "cancelled", null, ref.cancelled());
        add(rows, "referrals", "open", null, ref.open());
        add(rows, "time to place", "median days", null, r.timeToPlace().medianDays());
        add(rows, "time to place", "mean days", null, r.timeToPlace().meanDays());
        var inv = r.invitations();
        add(rows, "invitations", "referrals called off", null, inv.referralsCalledOff());
        add(rows, "invitations", "invitations", null, inv.invitations());
        add(rows, "invitations", "invitations per referral", null, inv.invitationsPerReferral());
        add(rows, "invitations", "answered", null, inv.answered());
        add(rows, "invitations", "offers", null, inv.offers());
        add(rows, "invitations", "declines", null, inv.declines());
        add(rows, "invitations", "response rate %", null, inv.responseRatePercent());
        add(rows, "invitations", "offer rate %", null, inv.offerRatePercent());
        r.declinesByReason().forEach(d -> add(rows, "declines", "declines by reason", d.reason(), d.count()));
        add(rows, "placements", "placements", null, r.placements());
        var d = r.distance();
        add(rows, "placements", "20 miles or less", null, d.twentyMilesOrLess());
        add(rows, "placements", "over 20 miles", null, d.overTwentyMiles());
        add(rows, "placements", "inside the council's area", null, d.insideArea());
        add(rows, "placements", "outside the council's area", null, d.outsideArea());
        add(rows, "placements", "distance unknown", null, d.unknown());
        r.weeklyPriceByLot().forEach(l -> add(rows, "weekly price", "average weekly price",
                Objects.requireNonNullElse(l.lotCode(), "") + " " + Objects.requireNonNullElse(l.lotName(), ""),
                l.averageWeeklyPrice()));
        var e = r.emergencyCapacity();
        add(rows, "emergency capacity", "places", null, e.places());
        add(rows, "emergency capacity", "settings", null, e.settings());
        add(rows, "emergency capacity", "vacancies", null, e.vacancies());
        var c = r.concentration();
        c.topProviders().forEach(s -> add(rows, "concentration", "top provider share %", s.name(), s.percent()));
        add(rows, "concentration", "top 5 providers share %", null, c.topProvidersPercent());
        c.topOwnerGroups().forEach(s -> add(rows, "concentration", "top owner group share %", s.name(), s.percent()));
        add(rows, "concentration", "top 5 owner groups share %", null, c.topOwnerGroupsPercent());
        try {
            String name = "sufficiency-" + (r.joint() ? JOINT : r.council())
                    + (r.period() == null ? "" : "-" + r.period()) + ".csv";
            return Response.ok(CSV.writer(CSV_COLUMNS).writeValueAsString(rows), ChildrenResource.TEXT_CSV
                    + "; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void add(List<CsvRow> rows, String section, String figure, String breakdown, Object value) {
        rows.add(new CsvRow(section, figure, breakdown == null ? "" : breakdown.strip(),
                value == null ? "" : value instanceof BigDecimal b ? b.toPlainString() : value.toString()));
    }
}
