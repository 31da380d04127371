package uk.gov.dps.monitoring.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.monitoring.domain.ImprovementPlan;
import uk.gov.dps.monitoring.domain.KpiReturn;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.RiskRating;
import uk.gov.dps.monitoring.domain.RiskRatingChange;
import uk.gov.dps.monitoring.domain.RiskRules;
import uk.gov.dps.monitoring.service.ConcernService;
import uk.gov.dps.monitoring.service.ImprovementPlanService;
import uk.gov.dps.monitoring.service.MonitoringListService;
import uk.gov.dps.monitoring.service.ProviderDirectory;
import uk.gov.dps.monitoring.service.RiskRatingService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/** The monitored providers, in the order to look at them, and each one's quality picture. */
@Path("/providers")
@Tag(name = "Provider quality")
public class ProviderQualityResource {

    /** How many open concerns, active plans and rating changes the quality picture shows; the rest are paged lists. */
    static final int PREVIEW = 20;

    @Inject
    ProviderDirectory directory;

    @Inject
    MonitoringListService monitoringList;

    @Inject
    RiskRatingService ratings;

    @Inject
    ConcernService concerns;

    @Inject
    ImprovementPlanService plans;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record RiskView(RiskRating rating, List<String> reasons, Instant since, Instant assessedAt) {
        static RiskView of(MonitoredProvider p) {
            return new RiskView(p.riskRating, List.copyOf(p.riskReasons), p.ratedSince, p.assessedAt);
        }
    }

    public record ProviderSummary(UUID providerId, String name, int lots, boolean suspended, int activePlacements,
            RiskView risk) {
        static ProviderSummary of(MonitoredProvider p) {
            return new ProviderSummary(p.providerId, p.name, p.lotIds.length, p.isSuspendedAnywhere(),
                    p.activePlacements, RiskView.of(p));
        }
    }

    public record RatingChangeView(RiskRating from, RiskRating to, List<String> reasons, String cause,
            String changedBy, String changedByCouncil, Instant changedAt) {
        static RatingChangeView of(RiskRatingChange c) {
            return new RatingChangeView(c.fromRating, c.toRating, List.copyOf(c.reasons), c.cause, c.changedBy,
                    c.changedByCouncil, c.changedAt);
        }
    }

    public record OpenConcerns(int total, int serious, int high, int medium, int low,
            List<ConcernResource.ConcernView> mostSevere) {
    }

    public record QualityView(UUID providerId, String name, String ofstedUrn, String cqcId, int lots,
            boolean suspended, int activePlacements, RiskView risk,
            List<InspectionResource.InspectionView> currentJudgements, OpenConcerns openConcerns,
            List<ImprovementPlanResource.PlanView> activePlans, KpiReturnResource.KpiReturnView latestKpiReturn,
            List<RatingChangeView> history, boolean moreHistory) {
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Monitored providers, paged: by default providers with children placed first, then the riskiest",
            description = "rating=RED|AMBER|GREEN and placed=true|false narrow the list; order=NAME sorts by name.")
    public Page<ProviderSummary> list(@QueryParam("rating") String rating, @QueryParam("placed") String placed,
            @QueryParam("order") String order, @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        return Page.of(monitoringList.list(QueryValues.optionalEnum(RiskRating.class, rating, "rating"),
                Access.optionalBoolean(placed, "placed"),
                QueryValues.optionalEnum(MonitoringListService.Order.class, order, "order")
                        .orElse(MonitoringListService.Order.PRIORITY), page),
                page.page, page.size, ProviderSummary::of);
    }

    @GET
    @Path("/{id}/quality")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "A provider's quality picture, shared across partner councils",
            description = "Current risk rating with its reasons, the latest judgement per setting, open concerns (the "
                    + PREVIEW + " most severe), active improvement plans, the latest KPI return, children placed now "
                    + "and the latest rating changes. Full lists: /concerns, /improvement-plans, /providers/{id}/risk-history.")
    public QualityView quality(@PathParam("id") UUID id) {
        Access.partnerCouncil(caller);
        MonitoredProvider p = directory.get(id);
        LocalDate today = ratings.today();
        RiskRules.OpenConcerns counts = ratings.factsAbout(id).openConcerns();
        OpenConcerns open = new OpenConcerns(counts.serious() + counts.high() + counts.medium() + counts.low(),
                counts.serious(), counts.high(), counts.medium(), counts.low(),
                concerns.openFor(id, PREVIEW).stream().map(ConcernResource.ConcernView::of).toList());
        List<ImprovementPlanResource.PlanView> active = plans.list(java.util.Optional.of(id),
                java.util.Optional.of(ImprovementPlan.Status.ACTIVE), firstPage()).stream().limit(PREVIEW)
                .map(plan -> ImprovementPlanResource.PlanView.of(plan, today)).toList();
        KpiReturn latestKpi = KpiReturn.<KpiReturn>find("providerId = ?1 order by quarter desc", id).firstResult();
        List<RiskRatingChange> history = ratings.history(id, firstPage());
        return new QualityView(p.providerId, p.name, p.ofstedUrn, p.cqcId, p.lotIds.length, p.isSuspendedAnywhere(),
                p.activePlacements, RiskView.of(p),
                ratings.currentJudgements(id).stream().map(InspectionResource.InspectionView::of).toList(), open,
                active, latestKpi == null ? null : KpiReturnResource.KpiReturnView.of(latestKpi),
                history.stream().limit(PREVIEW).map(RatingChangeView::of).toList(), history.size() > PREVIEW);
    }

    @GET
    @Path("/{id}/risk-history")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Every change of the provider's risk rating, newest first, with the reasons and the cause")
    public Page<RatingChangeView> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        directory.get(id);
        return Page.of(ratings.history(id, page), page.page, page.size, RatingChangeView::of);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Who recorded what about the provider, and when, oldest first")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        directory.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }

    private static PageRequest firstPage() {
        PageRequest page = new PageRequest();
        page.page = 0;
        page.size = PREVIEW;
        return page;
    }
}
