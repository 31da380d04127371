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

/**
 * contract-monitoring-service as the monitoring officer's pages call it: providers and their quality picture, the
 * latest inspections, visits and concerns, and recording them. The live feed is relayed byte for byte by
 * {@code FeedRelays}, not through this client.
 */
@RegisterRestClient(configKey = MonitoringService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(MonitoringService.Errors.class)
public interface MonitoringService {

    String NAME = "contract-monitoring-service";

    /** Sent with each form's own key, so a form sent twice (a double click, a resend) is recorded once. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    record Risk(String rating, List<String> reasons, Instant since, Instant assessedAt) {

        public List<String> reasons() {
            return reasons == null ? List.of() : reasons;
        }
    }

    record ProviderSummary(UUID providerId, String name, int lots, boolean suspended, int activePlacements,
            Risk risk) {
    }

    record Inspection(UUID id, UUID providerId, String settingUrn, String regulator, String judgement,
            LocalDate inspectedOn, String reportReference, String recordingCouncil, String recordedBy,
            Instant recordedAt) {
    }

    record Visit(UUID id, UUID providerId, String settingUrn, String type, LocalDate visitedOn, List<String> findings,
            String recordingCouncil, String recordedBy, Instant recordedAt) {

        public List<String> findings() {
            return findings == null ? List.of() : findings;
        }
    }

    record Concern(UUID id, UUID providerId, String settingUrn, String severity, String summary, String details,
            String status, String raisingCouncil, String raisedBy, Instant raisedAt) {
    }

    record OpenConcerns(int total, int serious, int high, int medium, int low, List<Concern> mostSevere) {

        public List<Concern> mostSevere() {
            return mostSevere == null ? List.of() : mostSevere;
        }
    }

    record Plan(UUID id, UUID concernId, String summary, List<String> actions, LocalDate dueOn, String status,
            boolean overdue, String agreeingCouncil) {

        public List<String> actions() {
            return actions == null ? List.of() : actions;
        }
    }

    record KpiReturn(String quarter, BigDecimal occupancyPercent, BigDecimal staffTurnoverPercent, int incidents,
            int missingEpisodes, int complaints, Instant receivedAt) {
    }

    record RatingChange(String from, String to, List<String> reasons, String cause, String changedBy,
            String changedByCouncil, Instant changedAt) {

        public List<String> reasons() {
            return reasons == null ? List.of() : reasons;
        }
    }

    record Quality(UUID providerId, String name, String ofstedUrn, String cqcId, int lots, boolean suspended,
            int activePlacements, Risk risk, List<Inspection> currentJudgements, OpenConcerns openConcerns,
            List<Plan> activePlans, KpiReturn latestKpiReturn, List<RatingChange> history, boolean moreHistory) {

        public List<Inspection> currentJudgements() {
            return currentJudgements == null ? List.of() : currentJudgements;
        }

        public List<Plan> activePlans() {
            return activePlans == null ? List.of() : activePlans;
        }

        public List<RatingChange> history() {
            return history == null ? List.of() : history;
        }
    }

    record NewInspection(UUID providerId, String settingUrn, String regulator, String judgement,
            LocalDate inspectedOn, String reportReference) {
    }

    record NewVisit(UUID providerId, String settingUrn, String type, LocalDate visitedOn, List<String> findings) {
    }

    record NewConcern(UUID providerId, String severity, String summary, String details, String settingUrn) {
    }

    @GET
    @Path("/providers")
    Page<ProviderSummary> providers(@QueryParam("order") String order, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/providers/{id}/quality")
    Quality quality(@PathParam("id") UUID provider);

    @GET
    @Path("/inspections")
    Page<Inspection> inspections(@QueryParam("provider") UUID provider, @QueryParam("size") int size);

    @GET
    @Path("/visits")
    Page<Visit> visits(@QueryParam("provider") UUID provider, @QueryParam("size") int size);

    @GET
    @Path("/concerns")
    Page<Concern> concerns(@QueryParam("provider") UUID provider, @QueryParam("size") int size);

    @POST
    @Path("/inspections")
    Inspection recordInspection(@HeaderParam(IDEMPOTENCY_KEY) String key, NewInspection inspection);

    @POST
    @Path("/visits")
    Visit recordVisit(@HeaderParam(IDEMPOTENCY_KEY) String key, NewVisit visit);

    @POST
    @Path("/concerns")
    Concern raiseConcern(@HeaderParam(IDEMPOTENCY_KEY) String key, NewConcern concern);

    final class Errors extends ServiceErrors {
        public Errors() {
            super(NAME);
        }
    }
}
