package uk.gov.dps.portal.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

    final class Errors extends ServiceErrors {
        public Errors() {
            super(NAME);
        }
    }
}
