package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.Position;
import uk.gov.dps.spend.domain.SpendStatus;
import uk.gov.dps.spend.domain.Thresholds;
import uk.gov.dps.spend.service.BudgetService;
import uk.gov.dps.spend.service.Positions;

@Path("/budgets")
@Tag(name = "Budgets")
@RolesAllowed(Roles.FINANCE_OFFICER)
public class BudgetResource {

    @Inject
    BudgetService budgets;

    @Inject
    Positions positions;

    @Inject
    Thresholds thresholds;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record NewBudgetLineRequest(
            /** defaults to the caller's council */
            String council,
            @NotNull @Min(2000) @Max(2100) Integer financialYear,
            @NotNull FundingStream fundingStream,
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            UUID lotId,
            UUID contractId) {
    }

    public record ReviseAmountRequest(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record BudgetLineView(UUID id, String council, int financialYear, String financialYearLabel,
            FundingStream fundingStream, String name, BigDecimal amount, UUID lotId, UUID contractId,
            Instant createdAt, String createdBy) {

        static BudgetLineView of(BudgetLine b) {
            return new BudgetLineView(b.id, b.council, b.financialYear, b.year().label(), b.fundingStream, b.name,
                    b.amountPounds(), b.lotId, b.contractId, b.createdAt, b.createdBy);
        }
    }

    /**
     * @param committed           the whole year's cost of the placements the line pays for, as they stand
     * @param spentToDate         what their agreements put on the days from 1 April up to and including
     *                            {@code asOf} (elapsed time, invoiced or not)
     * @param paid                actuals: invoices of the line's year and scope paid, this stream's share
     * @param invoicedNotPaid     actuals: invoices submitted or approved, not paid yet (disputed ones excluded)
     * @param actuals             paid plus invoiced not paid
     * @param remainingCommitment the commitment of the days no (undisputed) invoice covers yet
     * @param forecastOutturn     actuals plus the remaining commitment
     * @param variance            budget minus forecast: negative is an overspend
     * @param forecastPercentOfBudget null for a budget of 0
     */
    public record PositionView(UUID budgetLineId, String council, int financialYear, String financialYearLabel,
            FundingStream fundingStream, String name, UUID lotId, UUID contractId, LocalDate asOf, BigDecimal budget,
            BigDecimal committed, BigDecimal spentToDate, BigDecimal remainingCommitment, BigDecimal forecastOutturn,
            BigDecimal variance, BigDecimal forecastPercentOfBudget, SpendStatus status, int atRiskPercent,
            int overspentPercent, BigDecimal paid, BigDecimal invoicedNotPaid, BigDecimal actuals) {
    }

    @POST
    @Idempotent
    @Operation(summary = "Set a budget line for your council",
            description = "One line per council, financial year, funding stream and scope (the whole stream, one lot "
                    + "or one contract). Audited. A line set below what is already committed raises its alerts.")
    public Response create(@Valid @NotNull NewBudgetLineRequest request) {
        BudgetLine line = budgets.create(new BudgetService.NewBudgetLine(
                request.council() == null ? caller.requirePartnerCouncil() : request.council(), request.financialYear(),
                request.fundingStream(), request.name(), Money.pence(request.amount()), request.lotId(),
                request.contractId()));
        return Response.created(URI.create("/budgets/" + line.id)).entity(BudgetLineView.of(line)).build();
    }

    @GET
    @Operation(summary = "Your council's budget lines, newest year first, paged",
            description = "council defaults to yours; asking for another council's budgets is refused (403).")
    public Page<BudgetLineView> list(@QueryParam("council") String council,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year, @QueryParam("stream") String stream,
            @Valid @BeanParam PageRequest page) {
        String own = caller.requirePartnerCouncil();
        if (council != null) {
            caller.requireCouncil(council);
        }
        Optional<FundingStream> fundingStream = QueryValues.optionalEnum(FundingStream.class, stream, "stream");
        return Page.of(budgets.list(own, Optional.ofNullable(year), fundingStream, page), page.page, page.size,
                BudgetLineView::of);
    }

    @GET
    @Path("/{id}")
    public BudgetLineView get(@PathParam("id") UUID id) {
        return BudgetLineView.of(budgets.get(id));
    }

    @PUT
    @Path("/{id}/amount")
    @Operation(summary = "Revise a budget line's amount, with a reason", description = "Audited; rechecks alerts.")
    public BudgetLineView revise(@PathParam("id") UUID id, @Valid @NotNull ReviseAmountRequest request) {
        return BudgetLineView.of(budgets.revise(id, Money.pence(request.amount()), request.reason().strip()));
    }

    @GET
    @Path("/{id}/position")
    @Operation(summary = "Budget, committed, spent to date, forecast outturn, variance and status",
            description = "Committed is the full-year cost of the placements this line pays for (its council, year "
                    + "and funding stream, and its lot or contract if scoped), from the placement events. Actuals "
                    + "are its invoices (paid, and invoiced not paid); the remaining commitment is the commitment of "
                    + "the days no invoice covers yet; forecast outturn = actuals + remaining commitment. Status: "
                    + "AT_RISK when the forecast is over dps.spend.at-risk-percent of the budget, OVERSPENT over "
                    + "dps.spend.overspent-percent.")
    public PositionView position(@PathParam("id") UUID id) {
        return positionOf(budgets.get(id));
    }

    @GET
    @Path("/positions")
    @Operation(summary = "The positions of your council's budget lines, paged, in the order of the list",
            description = "What /budgets/{id}/position says, for every line of the page in one call (the portal's "
                    + "charts). year and stream narrow it as on /budgets.")
    public Page<PositionView> positions(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("stream") String stream, @Valid @BeanParam PageRequest page) {
        String own = caller.requirePartnerCouncil();
        Optional<FundingStream> fundingStream = QueryValues.optionalEnum(FundingStream.class, stream, "stream");
        return Page.of(budgets.list(own, Optional.ofNullable(year), fundingStream, page), page.page, page.size,
                this::positionOf);
    }

    private PositionView positionOf(BudgetLine line) {
        Position p = positions.of(line);
        FinancialYear year = line.year();
        return new PositionView(line.id, line.council, line.financialYear, year.label(), line.fundingStream, line.name,
                line.lotId, line.contractId, positions.today(), Money.pounds(p.budget()), Money.pounds(p.committed()),
                Money.pounds(p.spentToDate()), Money.pounds(p.remainingCommitment()),
                Money.pounds(p.forecastOutturn()), Money.pounds(p.variance()),
                p.budget() == 0 ? null : Money.percent(p.forecastOutturn(), p.budget()), p.status(thresholds),
                thresholds.atRiskPercent(), thresholds.overspentPercent(), Money.pounds(p.actuals().paid()),
                Money.pounds(p.actuals().invoicedNotPaid()), Money.pounds(p.actualsTotal()));
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Who set and revised this budget line, when and why")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        budgets.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
