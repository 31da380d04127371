package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.monitoring.config.MonitoringConfig;
import uk.gov.dps.monitoring.domain.Concern;
import uk.gov.dps.monitoring.domain.ImprovementPlan;
import uk.gov.dps.monitoring.domain.Inspection;
import uk.gov.dps.monitoring.domain.KpiReturn;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.RiskRatingChange;
import uk.gov.dps.monitoring.domain.RiskRules;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;

/**
 * Runs the {@link RiskRules} for a provider whenever something they read changes (a judgement, a concern, a plan,
 * a KPI return) and when time makes an improvement plan overdue. A change of rating is kept in the history,
 * audited and published as {@code dps.quality.risk-rating-changed.v1}, all in the transaction that caused it;
 * re-assessing without a change publishes nothing.
 */
@ApplicationScoped
public class RiskRatingService {

    private static final Logger LOG = Logger.getLogger(RiskRatingService.class);
    public static final String CAUSE_OVERDUE = "Improvement plan overdue";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    MonitoringConfig config;

    @Inject
    ProviderDirectory directory;

    private RiskRules rules;

    @PostConstruct
    void init() {
        rules = new RiskRules(config.kpi().thresholds());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Re-assesses a provider the caller has locked ({@link ProviderDirectory#lockKnown}).
     *
     * @param cause what changed, for the history (e.g. "Inspection recorded")
     * @return the change, if the rating changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RiskRatingChange> reassess(MonitoredProvider provider, String cause, AuditTrail.Actor actor,
            LocalDate today) {
        RiskRules.Assessment assessment = rules.assess(factsAbout(provider.providerId), today);
        var from = provider.riskRating;
        Instant now = clock.instant();
        if (!provider.rate(assessment.rating(), assessment.reasons(), now)) {
            return Optional.empty();
        }
        RiskRatingChange change = new RiskRatingChange();
        change.providerId = provider.providerId;
        change.fromRating = from;
        change.toRating = assessment.rating();
        change.reasons = new java.util.ArrayList<>(assessment.reasons());
        change.cause = cause;
        change.changedBy = actor.name();
        change.changedByCouncil = actor.council();
        change.changedAt = now;
        change.persist();
        outbox.publish(EventCatalog.RISK_RATING_CHANGED, provider.providerId, new RiskRatingChanged(
                provider.providerId, from.name(), assessment.rating().name(), assessment.reasons(), now));
        audit.record("provider", provider.providerId, "RISK_RATING_CHANGED", actor, cause,
                java.util.Map.of("from", from.name(), "to", assessment.rating().name(),
                        "reasons", assessment.reasons()));
        return Optional.of(change);
    }

    /** What the rules read: current judgement per setting, open concerns, active plans, the latest KPI return. */
    public RiskRules.Facts factsAbout(UUID providerId) {
        List<RiskRules.CurrentJudgement> judgements = currentJudgements(providerId).stream()
                .map(i -> new RiskRules.CurrentJudgement(i.settingUrn, i.regulator, i.judgement, i.inspectedOn))
                .toList();
        int[] open = new int[Concern.Severity.values().length];
        em.createQuery("select c.severity, count(c) from Concern c where c.providerId = :provider "
                + "and c.status = :open group by c.severity", Object[].class)
                .setParameter("provider", providerId).setParameter("open", Concern.Status.OPEN)
                .getResultList()
                .forEach(row -> open[((Concern.Severity) row[0]).ordinal()] = ((Long) row[1]).intValue());
        List<RiskRules.ActivePlan> plans = ImprovementPlan.<ImprovementPlan>list(
                "providerId = ?1 and status = ?2", providerId, ImprovementPlan.Status.ACTIVE).stream()
                .map(p -> new RiskRules.ActivePlan(p.summary, p.dueOn)).toList();
        Optional<KpiReturn> latestKpi = KpiReturn.<KpiReturn>find("providerId = ?1 order by quarter desc", providerId)
                .firstResultOptional();
        return new RiskRules.Facts(judgements,
                new RiskRules.OpenConcerns(open[Concern.Severity.LOW.ordinal()], open[Concern.Severity.MEDIUM.ordinal()],
                        open[Concern.Severity.HIGH.ordinal()], open[Concern.Severity.SERIOUS.ordinal()]),
                plans, latestKpi.map(KpiReturn::figures));
    }

    /** The latest inspection of each of the provider's settings (the latest recorded wins a same-day tie). */
    public List<Inspection> currentJudgements(UUID providerId) {
        return Inspection.<Inspection>find("""
                from Inspection i where i.providerId = ?1 and not exists (
                    select 1 from Inspection later where later.providerId = i.providerId
                    and later.settingUrn = i.settingUrn
                    and (later.inspectedOn > i.inspectedOn
                         or later.inspectedOn = i.inspectedOn and later.recordedAt > i.recordedAt))
                order by i.settingUrn""", providerId).list();
    }

    /** The provider's rating changes, newest first. */
    public List<RiskRatingChange> history(UUID providerId, PageRequest page) {
        return RiskRatingChange.<RiskRatingChange>find("providerId = ?1 order by id desc", providerId)
                .range(page.first(), page.last()).list();
    }

    /** Improvement plans become overdue with time alone: re-assess their providers regularly. */
    @Scheduled(every = "${dps.monitoring.overdue-check.every:1h}", delayed = "${dps.monitoring.overdue-check.delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkOverduePlans() {
        int changed = reassessProvidersWithOverduePlans(today());
        if (changed > 0) {
            LOG.infof("Overdue improvement plans changed the risk rating of %d provider(s)", changed);
        }
    }

    /**
     * Re-assesses, one transaction each, the providers with an active plan due before {@code today}.
     *
     * @return how many ratings changed
     */
    public int reassessProvidersWithOverduePlans(LocalDate today) {
        List<UUID> providers = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select distinct p.providerId from ImprovementPlan p where p.status = :active and p.dueOn < :today",
                UUID.class).setParameter("active", ImprovementPlan.Status.ACTIVE).setParameter("today", today)
                .getResultList());
        int changed = 0;
        for (UUID providerId : providers) {
            try {
                boolean didChange = QuarkusTransaction.requiringNew().call(() -> reassess(
                        directory.lockKnown(providerId), CAUSE_OVERDUE, AuditTrail.SYSTEM, today).isPresent());
                changed += didChange ? 1 : 0;
            } catch (RuntimeException e) {
                // one provider's failure must not stop the others' re-assessment; the next run retries it
                LOG.errorf(e, "Could not re-assess provider %s for overdue improvement plans", providerId);
            }
        }
        return changed;
    }
}
