package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.monitoring.domain.Concern;
import uk.gov.dps.monitoring.domain.ImprovementPlan;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class ImprovementPlanService {

    @Inject
    ProviderDirectory directory;

    @Inject
    RiskRatingService ratings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record NewPlan(UUID providerId, UUID concernId, String summary, List<String> actions, LocalDate dueOn) {
    }

    @Transactional
    public ImprovementPlan agree(NewPlan request, AuditTrail.Actor actor) {
        LocalDate today = ratings.today();
        if (!request.dueOn().isAfter(today)) {
            throw ProblemException.badRequest("dueOn", "must be after today (" + today + ")");
        }
        MonitoredProvider provider = directory.lockKnown(request.providerId());
        if (request.concernId() != null) {
            Concern concern = Concern.findById(request.concernId());
            if (concern == null || !concern.providerId.equals(provider.providerId)) {
                throw ProblemException.unprocessable("Concern " + request.concernId()
                        + " is not a concern about provider " + provider.providerId + ".");
            }
        }
        ImprovementPlan plan = new ImprovementPlan();
        plan.id = UUID.randomUUID();
        plan.providerId = provider.providerId;
        plan.concernId = request.concernId();
        plan.summary = request.summary();
        plan.actions = new ArrayList<>(request.actions());
        plan.dueOn = request.dueOn();
        plan.status = ImprovementPlan.Status.ACTIVE;
        plan.agreeingCouncil = actor.council();
        plan.recordedBy = actor.name();
        plan.recordedAt = clock.instant();
        plan.persist();
        audit.record("provider", provider.providerId, "IMPROVEMENT_PLAN_AGREED", actor, plan.summary,
                Map.of("planId", plan.id, "dueOn", plan.dueOn.toString()));
        ratings.reassess(provider, "Improvement plan agreed", actor, today);
        return plan;
    }

    @Transactional
    public ImprovementPlan complete(UUID planId, String notes, AuditTrail.Actor actor) {
        ImprovementPlan plan = get(planId);
        MonitoredProvider provider = directory.lockKnown(plan.providerId);
        // read again under the provider's lock: a completion that committed meanwhile is refused as a conflict
        ImprovementPlan.getEntityManager().refresh(plan);
        try {
            plan.complete(notes, actor.council(), actor.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        audit.record("provider", provider.providerId, "IMPROVEMENT_PLAN_COMPLETED", actor, notes,
                Map.of("planId", plan.id, "dueOn", plan.dueOn.toString()));
        ratings.reassess(provider, "Improvement plan completed", actor, ratings.today());
        return plan;
    }

    public ImprovementPlan get(UUID id) {
        return ImprovementPlan.<ImprovementPlan>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Improvement plan", id));
    }

    /** By due date, soonest first; filtered by provider and status. */
    public List<ImprovementPlan> list(Optional<UUID> provider, Optional<ImprovementPlan.Status> status,
            PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        provider.ifPresent(id -> {
            query.append(" and providerId = :provider");
            parameters.and("provider", id);
        });
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.and("status", s);
        });
        return ImprovementPlan.<ImprovementPlan>find(query.toString(), Sort.ascending("dueOn").and("id"), parameters)
                .range(page.first(), page.last()).list();
    }
}
