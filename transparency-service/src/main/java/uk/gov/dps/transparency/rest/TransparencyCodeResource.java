package uk.gov.dps.transparency.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.transparency.domain.Quarter;
import uk.gov.dps.transparency.service.TransparencyCodeFiles;

/** A council's Local Government Transparency Code files, per quarter, as CSV: read without sign-in. */
@Path("/transparency-code/{council}")
@PermitAll
@Tag(name = "Local Government Transparency Code")
public class TransparencyCodeResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    TransparencyCodeFiles files;

    @Inject
    PartnerCouncils councils;

    @GET
    @Path("/payments")
    @Produces(CSV)
    @Operation(summary = "Payments over £500 made in the quarter (e.g. quarter=2018-Q3: July to September 2018)")
    public Response payments(@PathParam("council") String council, @QueryParam("quarter") String quarter) {
        Quarter q = check(council, quarter);
        return csv(files.payments(council, q), council + "-payments-over-500-" + q + ".csv");
    }

    @GET
    @Path("/contracts")
    @Produces(CSV)
    @Operation(summary = "Contracts over £5,000 entered into in the quarter")
    public Response contracts(@PathParam("council") String council, @QueryParam("quarter") String quarter) {
        Quarter q = check(council, quarter);
        return csv(files.contracts(council, q), council + "-contracts-over-5000-" + q + ".csv");
    }

    private Quarter check(String council, String quarter) {
        if (!councils.isPartner(council)) {
            throw ProblemException.notFound("council", council);
        }
        return Quarter.parse(quarter).orElseThrow(() -> ProblemException.badRequest("quarter",
                "must be a calendar quarter such as 2018-Q3 (July to September 2018)"));
    }

    private static Response csv(String body, String filename) {
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
