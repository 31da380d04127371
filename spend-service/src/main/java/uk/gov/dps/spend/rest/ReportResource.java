package uk.gov.dps.spend.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.service.Positions;
import uk.gov.dps.spend.service.SpendReportService;

@Path("/reports")
@Tag(name = "Reports")
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.COMMISSIONER})
public class ReportResource {

    @Inject
    SpendReportService reports;

    @Inject
    Positions positions;

    @Inject
    Caller caller;

    @GET
    @Path("/spend")
    @Operation(summary = "Where your council's money goes in a financial year",
            description = "By funding stream, lot and provider (providers paged with page/size); per lot the share "
                    + "of its top two providers and the average weekly price; the off-contract (spot purchase) "
                    + "share. council defaults to yours (another council's is 403); year defaults to the current "
                    + "financial year.")
    public SpendReportService.SpendReport spend(@QueryParam("council") String council,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @Valid @BeanParam PageRequest page) {
        String own = caller.requirePartnerCouncil();
        if (council != null) {
            caller.requireCouncil(council);
        }
        FinancialYear financialYear = year != null ? new FinancialYear(year) : FinancialYear.of(positions.today());
        return reports.report(own, financialYear, page);
    }
}
