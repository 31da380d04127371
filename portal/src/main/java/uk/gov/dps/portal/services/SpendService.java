package uk.gov.dps.portal.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** spend-service as the finance officer's pages call it: budget positions, threshold alerts and the spend report. */
@RegisterRestClient(configKey = SpendService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(SpendService.Errors.class)
public interface SpendService {

    String NAME = "spend-service";

    record Position(UUID budgetLineId, String council, int financialYear, String financialYearLabel,
            String fundingStream, String name, UUID lotId, UUID contractId, LocalDate asOf, BigDecimal budget,
            BigDecimal committed, BigDecimal spentToDate, BigDecimal remainingCommitment, BigDecimal forecastOutturn,
            BigDecimal variance, BigDecimal forecastPercentOfBudget, String status, int atRiskPercent,
            int overspentPercent) {
    }

    record Alert(UUID id, String subjectType, UUID subjectId, String name, int financialYear, int thresholdPercent,
            BigDecimal amount, BigDecimal limit, Instant crossedAt, Instant clearedAt, boolean active) {
    }

    record StreamSpend(String fundingStream, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal shareOfCommitted) {
    }

    record ProviderShare(UUID providerId, String providerName, BigDecimal committed, BigDecimal share) {
    }

    record LotSpend(UUID lotId, String serviceType, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal offContractCommitted, int placements, BigDecimal averageWeeklyPrice,
            BigDecimal topTwoProviderShare, List<ProviderShare> topProviders) {

        public List<ProviderShare> topProviders() {
            return topProviders == null ? List.of() : topProviders;
        }
    }

    record ProviderSpend(UUID providerId, String providerName, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal offContractCommitted, BigDecimal shareOfCommitted) {
    }

    record Amounts(BigDecimal committed, BigDecimal spentToDate, BigDecimal shareOfCommitted) {
    }

    record SpendReport(String council, int financialYear, String financialYearLabel, LocalDate asOf,
            BigDecimal committed, BigDecimal spentToDate, List<StreamSpend> byFundingStream, List<LotSpend> byLot,
            Page<ProviderSpend> byProvider, Amounts offContract) {

        public List<StreamSpend> byFundingStream() {
            return byFundingStream == null ? List.of() : byFundingStream;
        }

        public List<LotSpend> byLot() {
            return byLot == null ? List.of() : byLot;
        }
    }

    /** Every budget line's position in one call (spend-service's batch endpoint: no call per line). */
    @GET
    @Path("/budgets/positions")
    Page<Position> positions(@QueryParam("year") Integer year, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/alerts")
    Page<Alert> alerts(@QueryParam("active") String active, @QueryParam("page") int page);

    @GET
    @Path("/reports/spend")
    SpendReport report(@QueryParam("year") Integer year, @QueryParam("page") int page);

    // --- invoices and payments (issue 16): providers submit, finance officers approve or dispute and pay ---------

    /** A provider's invoice for one placement and period, with what the agreement says it should be. */
    record Invoice(UUID id, String invoiceNumber, UUID placementId, UUID providerId, String council,
            LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, BigDecimal expectedAmount,
            BigDecimal difference, boolean flagged, String status, String reason, LocalDate receivedOn,
            Instant submittedAt, Instant decidedAt, String decidedBy) {
    }

    record NewInvoice(String invoiceNumber, UUID placementId, LocalDate periodFrom, LocalDate periodTo,
            BigDecimal amount) {
    }

    /** Approval (reason needed when flagged) or dispute (reason always needed). */
    record InvoiceDecision(String reason) {
    }

    record NewPayment(UUID invoiceId, LocalDate paidOn, String paymentReference) {
    }

    record Payment(UUID id, UUID invoiceId, String invoiceNumber, UUID placementId, BigDecimal amount,
            LocalDate invoiceReceivedOn, LocalDate paidOn, String paymentReference) {
    }

    /** The Procurement Act payments compliance figures of one council and six-month period. */
    record PaymentPerformance(String council, String period, LocalDate from, LocalDate to, LocalDate asOf,
            int invoicesReceived, BigDecimal averageDaysToPay, int paidWithin30Days, int paidIn31To60Days,
            int paidIn61DaysOrMore, int unpaid, int disputed, BigDecimal percentWithin30Days,
            BigDecimal percentIn31To60Days, BigDecimal percentIn61DaysOrMore, BigDecimal percentUnpaid) {
    }

    /** Newest first: a provider's own, or the finance officer's council's; status and flagged may be null. */
    @GET
    @Path("/invoices")
    Page<Invoice> invoices(@QueryParam("status") String status, @QueryParam("flagged") Boolean flagged,
            @QueryParam("page") int page);

    @GET
    @Path("/invoices/{id}")
    Invoice invoice(@PathParam("id") UUID id);

    @POST
    @Path("/invoices")
    Invoice submitInvoice(@HeaderParam("Idempotency-Key") String key, NewInvoice invoice);

    @POST
    @Path("/invoices/{id}/approve")
    Invoice approveInvoice(@PathParam("id") UUID id, InvoiceDecision decision);

    @POST
    @Path("/invoices/{id}/dispute")
    Invoice disputeInvoice(@PathParam("id") UUID id, InvoiceDecision decision);

    /** The council's own payment reference makes it idempotent: the same reference again records nothing. */
    @POST
    @Path("/payments")
    Payment recordPayment(NewPayment payment);

    /** period like 2026-27-H2; null for the current six months. */
    @GET
    @Path("/payment-performance")
    PaymentPerformance paymentPerformance(@QueryParam("period") String period);

    final class Errors extends ServiceErrors {
        public Errors() {
            super(NAME);
        }
    }
}
