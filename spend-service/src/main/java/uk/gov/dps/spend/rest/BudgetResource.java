package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

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
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.service.BudgetService;

@Path("/budgets")
@Tag(name = "Budgets")
public class BudgetResource {

    @Inject
    BudgetService budgets;

    @Inject
    Caller caller;

    public record BudgetLineView(UUID id, String council, int financialYear, BudgetLine.FundingStream fundingStream,
            String name, BigDecimal amount) {

        static BudgetLineView of(BudgetLine b) {
            return new BudgetLineView(b.id, b.council, b.financialYear, b.fundingStream, b.name, b.amountPounds());
        }
    }

    @GET
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Your council's budget lines, optionally for one financial year, paged",
            description = "council defaults to yours; asking for another council's budgets is refused (403).")
    public Page<BudgetLineView> list(@QueryParam("council") String council,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @Valid @BeanParam PageRequest page) {
        String own = caller.council();
        if (council != null) {
            caller.requireCouncil(council);
        }
        return Page.of(budgets.list(own, Optional.ofNullable(year), page), page.page, page.size, BudgetLineView::of);
    }
}
