package uk.gov.dps.placement.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.placement.service.DeclineCounts;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/** Commissioners' view of providers' declines: why providers say no, and whether their profiles are out of date. */
@Path("/declines")
@Tag(name = "Referrals and call-offs")
public class DeclineResource {

    /** A period longer than this is refused: the counts are for a quarter or a year, not the whole history. */
    static final int MAX_DAYS = 731;

    @Inject
    DeclineCounts counts;

    @Inject
    Caller caller;

    @GET
    @Path("/by-provider")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Each provider's declines over a period, by reason, across the joint DPS",
            description = "from and to are days (both included). declinedWhenAssessedMeets: declines of invitations "
                    + "assessed MEETS against the provider's own settings; outsideStatementOfPurposeWhenAssessedMeets: "
                    + "those declined as OUTSIDE_STATEMENT_OF_PURPOSE, the sign of a profile out of date. Most declines "
                    + "first, paged.")
    public Page<DeclineCounts.ProviderDeclines> byProvider(@QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("lot") String lot, @Valid @BeanParam PageRequest page) {
        caller.requirePartnerCouncil();
        LocalDate start = day(from, "from");
        LocalDate end = day(to, "to");
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ProblemException.badRequest("to", "the period is at most two years");
        }
        List<DeclineCounts.ProviderDeclines> all = counts.byProvider(start, end, QueryValues.optionalId(lot, "lot"));
        List<DeclineCounts.ProviderDeclines> rows = all.subList(Math.min(page.first(), all.size()),
                Math.min(page.last() + 1, all.size()));
        return Page.of(rows, page.page, page.size, d -> d);
    }

    private static LocalDate day(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(parameter, "is required: a day such as 2018-10-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be a day such as 2018-10-01");
        }
    }

}
