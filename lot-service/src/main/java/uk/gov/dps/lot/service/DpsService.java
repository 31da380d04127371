package uk.gov.dps.lot.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class DpsService {

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    java.time.Clock clock;

    @Inject
    PartnerCouncils partners;

    public record Establishment(String reference, String title, DynamicPurchasingSystem.Regime regime,
            Set<String> councils, LocalDate validFrom, LocalDate validTo) {
    }

    /** A commissioner establishes a DPS for councils that include their own. */
    @Transactional
    public DynamicPurchasingSystem establish(Establishment request, String commissionerCouncil,
            AuditTrail.Actor actor) {
        for (String council : request.councils()) {
            if (!partners.isPartner(council)) {
                throw ProblemException.badRequest("councils", council + " is not a partner council");
            }
        }
        if (!request.councils().contains(commissionerCouncil)) {
            throw ProblemException.forbidden("You may establish a DPS only for councils that include your own.");
        }
        DynamicPurchasingSystem.validityProblem(request.regime(), request.validFrom(), request.validTo())
                .ifPresent(problem -> {
                    throw ProblemException.unprocessable(problem);
                });
        if (DynamicPurchasingSystem.count("reference", request.reference()) > 0) {
            throw ProblemException.conflict("A DPS with reference " + request.reference() + " already exists.");
        }
        DynamicPurchasingSystem dps = new DynamicPurchasingSystem();
        dps.id = UUID.randomUUID();
        dps.reference = request.reference().strip();
        dps.title = request.title().strip();
        dps.regime = request.regime();
        dps.councils = request.councils().stream().sorted().toArray(String[]::new);
        dps.validFrom = request.validFrom();
        dps.validTo = request.validTo();
        dps.establishedAt = clock.instant();
        dps.establishedBy = actor.name();
        dps.persist();
        outbox.publish(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, dps.id, new PurchasingSystemEstablished(dps.id,
                dps.reference, dps.title, dps.regime.name(), List.of(dps.councils), dps.validFrom, dps.validTo));
        audit.record("dps", dps.id, "ESTABLISHED", actor, null, request);
        return dps;
    }

    public DynamicPurchasingSystem get(UUID id) {
        return DynamicPurchasingSystem.<DynamicPurchasingSystem>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("DPS", id));
    }

    public List<DynamicPurchasingSystem> list(PageRequest page) {
        return DynamicPurchasingSystem.findAll(Sort.by("reference")).range(page.first(), page.last()).list();
    }
}
