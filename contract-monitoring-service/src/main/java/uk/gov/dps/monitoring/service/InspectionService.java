package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.time.LocalDate;
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
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.monitoring.domain.Inspection;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class InspectionService {

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

    public record NewInspection(UUID providerId, String settingUrn, Inspection.Regulator regulator,
            Inspection.Judgement judgement, LocalDate inspectedOn, String reportReference) {
    }

    /**
     * Records a regulator's judgement for one setting, publishes it (an Inadequate judgement makes provider-service
     * suspend the provider) and re-assesses the provider's risk rating, all in one transaction.
     */
    @Transactional
    public Inspection record(NewInspection request, AuditTrail.Actor actor) {
        LocalDate today = ratings.today();
        if (request.inspectedOn().isAfter(today)) {
            throw ProblemException.badRequest("inspectedOn", "must not be in the future");
        }
        MonitoredProvider provider = directory.lockKnown(request.providerId());
        if (Inspection.count("providerId = ?1 and settingUrn = ?2 and regulator = ?3 and inspectedOn = ?4",
                request.providerId(), request.settingUrn(), request.regulator(), request.inspectedOn()) > 0) {
            throw ProblemException.conflict("The " + request.regulator().label() + " inspection of setting "
                    + request.settingUrn() + " on " + request.inspectedOn() + " is recorded already.");
        }
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.providerId = request.providerId();
        inspection.settingUrn = request.settingUrn();
        inspection.regulator = request.regulator();
        inspection.judgement = request.judgement();
        inspection.inspectedOn = request.inspectedOn();
        inspection.reportReference = request.reportReference();
        inspection.recordingCouncil = actor.council();
        inspection.recordedBy = actor.name();
        inspection.recordedAt = clock.instant();
        inspection.persist();
        outbox.publish(EventCatalog.INSPECTION_RECORDED, provider.providerId, new InspectionRecorded(inspection.id,
                inspection.providerId, inspection.settingUrn, inspection.regulator.name(), inspection.judgement.name(),
                inspection.inspectedOn, inspection.reportReference, inspection.recordingCouncil,
                inspection.recordedAt));
        audit.record("provider", provider.providerId, "INSPECTION_RECORDED", actor, null,
                Map.of("inspectionId", inspection.id, "settingUrn", inspection.settingUrn, "regulator",
                        inspection.regulator.name(), "judgement", inspection.judgement.name(), "inspectedOn",
                        inspection.inspectedOn.toString()));
        ratings.reassess(provider, "Inspection recorded", actor, today);
        return inspection;
    }

    public Inspection get(UUID id) {
        return Inspection.<Inspection>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Inspection", id));
    }

    /** Newest first, for one provider or all, optionally one judgement; shared across partner councils on purpose. */
    public List<Inspection> list(Optional<UUID> provider, Optional<Inspection.Judgement> judgement, PageRequest page) {
        Sort newestFirst = Sort.descending("inspectedOn").and("id");
        if (provider.isPresent()) {
            return judgement.map(j -> Inspection.<Inspection>find("providerId = :p and judgement = :j", newestFirst,
                    Parameters.with("p", provider.get()).and("j", j)))
                    .orElseGet(() -> Inspection.find("providerId", newestFirst, provider.get()))
                    .range(page.first(), page.last()).list();
        }
        return judgement.map(j -> Inspection.<Inspection>find("judgement", newestFirst, j))
                .orElseGet(() -> Inspection.findAll(newestFirst))
                .range(page.first(), page.last()).list();
    }
}
