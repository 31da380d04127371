package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.Invoice;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.service.InvoiceService;

@Path("/invoices")
@Tag(name = "Invoices")
@RolesAllowed({Roles.PROVIDER, Roles.FINANCE_OFFICER})
public class InvoiceResource {

    @Inject
    InvoiceService invoices;

    public record NewInvoiceRequest(
            @NotBlank @Size(max = 60) String invoiceNumber,
            @NotNull UUID placementId,
            @NotNull LocalDate periodFrom,
            @NotNull LocalDate periodTo,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            /** defaults to today */
            LocalDate receivedOn) {
    }

    public record DecisionRequest(@Size(max = 1000) String reason) {
    }

    public record DisputeRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    /**
     * @param expectedAmount what the agreement puts on the period: the weekly fee in force each day times the day's
     *                       chargeable time for the placement's pattern, as the commitment counts it
     * @param difference     amount minus expected
     * @param flagged        the difference is more than a penny either way
     * @param shares         the amount split by funding stream as the placement is funded
     */
    public record InvoiceView(UUID id, String invoiceNumber, UUID placementId, UUID providerId, String council,
            LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, BigDecimal expectedAmount,
            BigDecimal difference, boolean flagged, Invoice.Status status, String reason, LocalDate receivedOn,
            Instant submittedAt, Instant decidedAt, String decidedBy, Map<String, BigDecimal> shares) {

        static InvoiceView of(Invoice i) {
            Map<String, BigDecimal> shares = new TreeMap<>();
            i.amountShares.forEach((stream, pence) -> shares.put(stream, Money.pounds(pence)));
            return new InvoiceView(i.id, i.invoiceNumber, i.placementId, i.providerId, i.council, i.periodFrom,
                    i.periodTo, Money.pounds(i.amountPence), Money.pounds(i.expectedPence),
                    Money.pounds(i.differencePence()), i.flagged, i.status, i.reason, i.receivedOn, i.submittedAt,
                    i.decidedAt, i.decidedBy, shares);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Submit an invoice for one of your organisation's placements",
            description = "Checked against the agreement: expected = the weekly fee in force each day x the day's "
                    + "chargeable time (52-week: every day; 38-week: term days; day placements: a fifth of the fee "
                    + "per school day), fee changes from their effective date. A difference of more than 1p flags "
                    + "it. 403 for another provider's placement, 404 for an unknown one, 422 for a period outside "
                    + "the placement or across 31 March, 409 for a duplicate invoice number or a period an earlier "
                    + "undisputed invoice of the placement already covers.")
    public Response submit(@Valid @NotNull NewInvoiceRequest request) {
        long pence;
        try {
            pence = Money.pence(request.amount());
        } catch (ArithmeticException e) {
            throw ProblemException.badRequest("amount", "whole pence only");
        }
        Invoice invoice = invoices.submit(new InvoiceService.NewInvoice(request.invoiceNumber(),
                request.placementId(), request.periodFrom(), request.periodTo(), pence, request.receivedOn()));
        return Response.created(URI.create("/invoices/" + invoice.id)).entity(InvoiceView.of(invoice)).build();
    }

    @GET
    @Operation(summary = "Invoices, newest first, paged",
            description = "Finance officers see their council's, providers their own. Filters: status (SUBMITTED, "
                    + "APPROVED, DISPUTED, PAID), placementId, flagged (true/false).")
    public Page<InvoiceView> list(@QueryParam("status") String status, @QueryParam("placementId") String placementId,
            @QueryParam("flagged") Boolean flagged, @Valid @BeanParam PageRequest page) {
        InvoiceService.Filter filter = new InvoiceService.Filter(
                QueryValues.optionalEnum(Invoice.Status.class, status, "status"),
                QueryValues.optionalId(placementId, "placementId"), Optional.ofNullable(flagged));
        return Page.of(invoices.list(filter, page), page.page, page.size, InvoiceView::of);
    }

    @GET
    @Path("/{id}")
    public InvoiceView get(@PathParam("id") UUID id) {
        return InvoiceView.of(invoices.get(id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Approve a submitted invoice for payment",
            description = "By a finance officer of the placement's council (another council: 403). A flagged invoice "
                    + "needs a reason. An invoice already approved or disputed: 409.")
    public InvoiceView approve(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        return InvoiceView.of(invoices.approve(id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/dispute")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    @Operation(summary = "Dispute a submitted invoice, with the reason",
            description = "Its days count as not invoiced again; the provider may send a corrected invoice.")
    public InvoiceView dispute(@PathParam("id") UUID id, @Valid @NotNull DisputeRequest request) {
        return InvoiceView.of(invoices.dispute(id, request.reason()));
    }
}
