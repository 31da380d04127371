package uk.gov.dps.provider.service;

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
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ApplicationRejected;
import uk.gov.dps.events.provider.ApplicationSubmitted;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.Application;
import uk.gov.dps.provider.domain.LotView;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class ApplicationService {

    @Inject
    ProviderService providers;

    @Inject
    LotCatalogue lots;

    @Inject
    ExclusionService exclusions;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record Submission(UUID lotId, List<String> categories, String requestedTier,
            List<Application.Answer> answers, List<Application.Evidence> evidence) {
    }

    public enum Outcome {
        ADMIT, REJECT
    }

    public record Decision(Outcome outcome, String reasons, String tier) {
    }

    @Transactional
    public Application submit(UUID providerId, Submission submission, AuditTrail.Actor actor) {
        Provider provider = providers.get(providerId);
        LotView lot = lots.get(submission.lotId());
        LocalDate today = today();
        if (!lot.dpsValidOn(today)) {
            throw ProblemException.unprocessable("The DPS of lot " + lot.code + " is valid from " + lot.dpsValidFrom
                    + " to " + lot.dpsValidTo + "; it does not accept applications on " + today + ".");
        }
        if (!lot.open) {
            throw ProblemException.conflict("Lot " + lot.code + " is closed to applications.");
        }
        for (String category : submission.categories()) {
            if (!lot.hasCategory(category)) {
                throw ProblemException.badRequest("categories", "lot " + lot.code + " has no category " + category);
            }
        }
        exclusions.checkMayBeAdmitted(providerId, lot);
        if (submission.requestedTier() != null && !lot.tiered) {
            throw ProblemException.badRequest("requestedTier", "lot " + lot.code + " has no tiers");
        }
        if (Membership.findById(new Membership.Key(providerId, lot.lotId)) != null) {
            throw ProblemException.conflict(provider.name + " is already a member of lot " + lot.code + ".");
        }
        if (Application.count("providerId = ?1 and lotId = ?2 and status = ?3", providerId, lot.lotId,
                Application.Status.PENDING) > 0) {
            throw ProblemException.conflict(provider.name + " already has an application to lot " + lot.code
                    + " awaiting a decision.");
        }
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.providerId = providerId;
        application.lotId = lot.lotId;
        application.categories = submission.categories().toArray(String[]::new);
        application.requestedTier = submission.requestedTier();
        application.answers = new ArrayList<>(submission.answers());
        application.evidence = new ArrayList<>(submission.evidence());
        application.receive(clock.instant(), today);
        application.persist();
        outbox.publish(EventCatalog.APPLICATION_SUBMITTED, providerId, new ApplicationSubmitted(application.id,
                providerId, lot.lotId, List.of(application.categories), application.requestedTier,
                application.receivedAt, application.dueOn));
        audit.record("provider", providerId, "APPLIED", actor, null,
                Map.of("applicationId", application.id, "lotId", lot.lotId, "dueOn", application.dueOn));
        return application;
    }

    @Transactional
    public Application extend(UUID applicationId, String justification, String commissionerCouncil,
            AuditTrail.Actor actor) {
        Application application = getForCommissioner(applicationId, commissionerCouncil);
        try {
            application.extend(justification);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        audit.record("provider", application.providerId, "APPLICATION_EXTENDED", actor, justification,
                Map.of("applicationId", application.id, "dueOn", application.dueOn));
        return application;
    }

    @Transactional
    public Application decide(UUID applicationId, Decision decision, String commissionerCouncil,
            AuditTrail.Actor actor) {
        Application application = getForCommissioner(applicationId, commissionerCouncil);
        LotView lot = lots.get(application.lotId);
        Provider provider = providers.get(application.providerId);
        if (decision.outcome() == Outcome.REJECT && (decision.reasons() == null || decision.reasons().isBlank())) {
            throw ProblemException.badRequest("reasons", "a rejection must give its reasons");
        }
        if (decision.outcome() == Outcome.ADMIT
                && Membership.findById(new Membership.Key(provider.id, lot.lotId)) != null) {
            throw ProblemException.conflict(provider.name + " is already a member of lot " + lot.code + ".");
        }
        if (decision.outcome() == Outcome.ADMIT) {
            // excluded after applying: the application waits (or is rejected) but is not admitted
            exclusions.checkMayBeAdmitted(provider.id, lot);
        }
        String tier = decision.tier() != null ? decision.tier() : application.requestedTier;
        if (decision.outcome() == Outcome.ADMIT && lot.tiered && tier == null) {
            throw ProblemException.badRequest("tier", "lot " + lot.code + " is tiered: give the tier to admit to");
        }
        try {
            application.decide(decision.outcome() == Outcome.ADMIT ? Application.Status.ADMITTED
                    : Application.Status.REJECTED, decision.reasons(), actor.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        if (decision.outcome() == Outcome.ADMIT) {
            Membership membership = new Membership();
            membership.providerId = provider.id;
            membership.lotId = lot.lotId;
            membership.applicationId = application.id;
            membership.categories = application.categories;
            membership.tier = lot.tiered ? tier : null;
            membership.status = Membership.Status.ACTIVE;
            membership.admittedAt = application.decidedAt;
            membership.persist();
            outbox.publish(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider.id, new ProviderAdmittedToLot(provider.id,
                    provider.name, lot.lotId, application.id, List.of(membership.categories), membership.tier,
                    membership.admittedAt));
        } else {
            outbox.publish(EventCatalog.APPLICATION_REJECTED, provider.id, new ApplicationRejected(application.id,
                    provider.id, lot.lotId, decision.reasons(), application.decidedAt));
        }
        audit.record("provider", provider.id, decision.outcome() == Outcome.ADMIT ? "ADMITTED" : "REJECTED", actor,
                decision.reasons(), Map.of("applicationId", application.id, "lotId", lot.lotId,
                        "decidedWithinDeadline", !today().isAfter(application.dueOn)));
        return application;
    }

    public Application get(UUID id) {
        return Application.<Application>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Application", id));
    }

    /** The commissioner's queue: applications to lots of their council's DPSs, soonest due first. */
    public List<Application> queue(Application.Status status, String council, PageRequest page) {
        return Application.<Application>find("status = :status and lotId in "
                + "(select l.lotId from LotView l where array_contains(l.councils, :council))",
                Sort.by("dueOn").and("id"), Parameters.with("status", status).and("council", council))
                .range(page.first(), page.last()).list();
    }

    public List<Application> forProvider(UUID providerId, Optional<Application.Status> status, PageRequest page) {
        Sort newestFirst = Sort.descending("receivedAt").and("id");
        var query = status
                .map(s -> Application.<Application>find("providerId = ?1 and status = ?2", newestFirst, providerId, s))
                .orElseGet(() -> Application.find("providerId", newestFirst, providerId));
        return query.range(page.first(), page.last()).list();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    private Application getForCommissioner(UUID applicationId, String council) {
        Application application = get(applicationId);
        if (!lots.get(application.lotId).servesCouncil(council)) {
            throw ProblemException.forbidden("Only commissioners of the lot's DPS councils may decide on it.");
        }
        return application;
    }
}
