package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.MonitoringVisit;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class VisitService {

    @Inject
    ProviderDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record NewVisit(UUID providerId, String settingUrn, MonitoringVisit.Type type, LocalDate visitedOn,
            List<String> findings) {
    }

    @Transactional
    public MonitoringVisit record(NewVisit request, AuditTrail.Actor actor) {
        if (request.visitedOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("visitedOn", "must not be in the future");
        }
        MonitoredProvider provider = directory.lockKnown(request.providerId());
        MonitoringVisit visit = new MonitoringVisit();
        visit.id = UUID.randomUUID();
        visit.providerId = provider.providerId;
        visit.settingUrn = request.settingUrn();
        visit.type = request.type();
        visit.visitedOn = request.visitedOn();
        visit.findings = new ArrayList<>(request.findings());
        visit.recordingCouncil = actor.council();
        visit.recordedBy = actor.name();
        visit.recordedAt = clock.instant();
        visit.persist();
        audit.record("provider", provider.providerId, "VISIT_RECORDED", actor, null,
                Map.of("visitId", visit.id, "visitedOn", visit.visitedOn.toString(), "type", visit.type.name()));
        return visit;
    }

    public MonitoringVisit get(UUID id) {
        return MonitoringVisit.<MonitoringVisit>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Visit", id));
    }

    public List<MonitoringVisit> list(Optional<UUID> provider, PageRequest page) {
        Sort newestFirst = Sort.descending("visitedOn").and("id");
        return provider.map(id -> MonitoringVisit.<MonitoringVisit>find("providerId", newestFirst, id))
                .orElseGet(() -> MonitoringVisit.findAll(newestFirst))
                .range(page.first(), page.last()).list();
    }
}
