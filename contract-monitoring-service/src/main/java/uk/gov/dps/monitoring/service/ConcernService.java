package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.quality.ConcernRaised;
import uk.gov.dps.events.quality.ConcernResolved;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.monitoring.domain.Concern;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.MonitoringVisit;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class ConcernService {

    @Inject
    ProviderDirectory directory;

    @Inject
    RiskRatingService ratings;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record NewConcern(UUID providerId, Concern.Severity severity, String summary, String details,
            String settingUrn, UUID visitId) {
    }

    @Transactional
    public Concern raise(NewConcern request, AuditTrail.Actor actor) {
        MonitoredProvider provider = directory.lockKnown(request.providerId());
        if (request.visitId() != null) {
            MonitoringVisit visit = MonitoringVisit.findById(request.visitId());
            if (visit == null || !visit.providerId.equals(provider.providerId)) {
                throw ProblemException.unprocessable("Visit " + request.visitId() + " is not a visit to provider "
                        + provider.providerId + ".");
            }
        }
        Concern concern = new Concern();
        concern.id = UUID.randomUUID();
        concern.providerId = provider.providerId;
        concern.severity = request.severity();
        concern.summary = request.summary();
        concern.details = request.details();
        concern.settingUrn = request.settingUrn();
        concern.visitId = request.visitId();
        concern.status = Concern.Status.OPEN;
        concern.raisingCouncil = actor.council();
        concern.raisedBy = actor.name();
        concern.raisedAt = clock.instant();
        concern.persist();
        outbox.publish(EventCatalog.CONCERN_RAISED, provider.providerId, new ConcernRaised(concern.id,
                concern.providerId, concern.severity.name(), concern.summary, concern.raisingCouncil, concern.raisedAt));
        audit.record("provider", provider.providerId, "CONCERN_RAISED", actor, concern.summary,
                Map.of("concernId", concern.id, "severity", concern.severity.name()));
        ratings.reassess(provider, "Concern raised", actor, ratings.today());
        return concern;
    }

    /** Any partner council may resolve a concern: monitoring is shared. */
    @Transactional
    public Concern resolve(UUID concernId, String resolution, AuditTrail.Actor actor) {
        Concern concern = get(concernId);
        MonitoredProvider provider = directory.lockKnown(concern.providerId);
        // read again under the provider's lock, which every change of its concerns takes: a resolution that
        // committed meanwhile is seen here and refused as a conflict
        Concern.getEntityManager().refresh(concern);
        try {
            concern.resolve(resolution, actor.council(), actor.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        outbox.publish(EventCatalog.CONCERN_RESOLVED, provider.providerId, new ConcernResolved(concern.id,
                concern.providerId, concern.resolution, concern.resolvedAt));
        audit.record("provider", provider.providerId, "CONCERN_RESOLVED", actor, resolution,
                Map.of("concernId", concern.id, "severity", concern.severity.name()));
        ratings.reassess(provider, "Concern resolved", actor, ratings.today());
        return concern;
    }

    public Concern get(UUID id) {
        return Concern.<Concern>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Concern", id));
    }

    /** Newest first; filtered by provider, status and severity. */
    public List<Concern> list(Optional<UUID> provider, Optional<Concern.Status> status,
            Optional<Concern.Severity> severity, PageRequest page) {
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
        severity.ifPresent(s -> {
            query.append(" and severity = :severity");
            parameters.and("severity", s);
        });
        return Concern.<Concern>find(query.toString(), Sort.descending("raisedAt").and("id"), parameters)
                .range(page.first(), page.last()).list();
    }

    /** Up to {@code limit} of the provider's open concerns, most severe first, then oldest first: what to deal with. */
    public List<Concern> openFor(UUID providerId, int limit) {
        List<Concern> open = new java.util.ArrayList<>();
        List<Concern.Severity> mostSevereFirst = List.of(Concern.Severity.SERIOUS, Concern.Severity.HIGH,
                Concern.Severity.MEDIUM, Concern.Severity.LOW);
        for (Concern.Severity severity : mostSevereFirst) {
            if (open.size() >= limit) {
                break;
            }
            open.addAll(Concern.<Concern>find("providerId = ?1 and status = ?2 and severity = ?3",
                    Sort.ascending("raisedAt").and("id"), providerId, Concern.Status.OPEN, severity)
                    .range(0, limit - open.size() - 1).list());
        }
        return open;
    }
}
