package uk.gov.dps.lot.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.lot.domain.Lot;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class LotService {

    @Inject
    DpsService dpsService;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public record LotDefinition(String code, String name, Lot.ServiceType serviceType,
            List<Lot.PlacementPattern> placementPatterns, List<Lot.Category> categories, List<String> selectionCriteria,
            boolean tiered) {
    }

    /** {@code noticeReference}: the published notice a PA2023 market's change of membership conditions follows. */
    public record LotChange(String name, List<Lot.Category> categories, List<String> selectionCriteria,
            String noticeReference) {
    }

    @Inject
    RegimeRules regimeRules;

    @Transactional
    public Lot create(UUID dpsId, LotDefinition definition, String commissionerCouncil, AuditTrail.Actor actor) {
        DynamicPurchasingSystem dps = dpsService.get(dpsId);
        requireCommissionerOf(dps, commissionerCouncil);
        checkCategories(definition.categories());
        List<Lot.PlacementPattern> patterns = definition.placementPatterns() == null ? List.of()
                : definition.placementPatterns();
        if (!patterns.isEmpty() && definition.serviceType() != Lot.ServiceType.SPECIAL_SCHOOL) {
            throw ProblemException.badRequest("placementPatterns", "apply only to SPECIAL_SCHOOL lots");
        }
        if (Lot.count("dps.id = ?1 and code = ?2", dpsId, definition.code()) > 0) {
            throw ProblemException.conflict("The DPS already has a lot " + definition.code() + ".");
        }
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.dps = dps;
        lot.code = definition.code().strip();
        lot.name = definition.name().strip();
        lot.serviceType = definition.serviceType();
        lot.placementPatterns = patterns.stream().map(Enum::name).toArray(String[]::new);
        lot.categories = new ArrayList<>(definition.categories());
        lot.selectionCriteria = new ArrayList<>(definition.selectionCriteria());
        lot.tiered = definition.tiered();
        lot.open = true;
        lot.persist();
        publish(EventCatalog.LOT_OPENED, lot);
        audit.record("lot", lot.id, "CREATED", actor, null, definition);
        return lot;
    }

    @Transactional
    public Lot setOpen(UUID lotId, boolean open, String reason, String commissionerCouncil, AuditTrail.Actor actor) {
        Lot lot = get(lotId);
        requireCommissionerOf(lot.dps, commissionerCouncil);
        if (lot.open == open) {
            throw ProblemException.conflict("Lot " + lot.code + " is already " + (open ? "open" : "closed") + ".");
        }
        if (!open) {
            regimeRules.checkMayClose(lot);
        }
        lot.open = open;
        publish(open ? EventCatalog.LOT_OPENED : EventCatalog.LOT_CLOSED, lot);
        audit.record("lot", lot.id, open ? "OPENED" : "CLOSED", actor, reason, null);
        return lot;
    }

    @Transactional
    public Lot change(UUID lotId, LotChange change, String commissionerCouncil, AuditTrail.Actor actor) {
        Lot lot = get(lotId);
        requireCommissionerOf(lot.dps, commissionerCouncil);
        checkCategories(change.categories());
        regimeRules.checkCriteriaChange(lot, change.selectionCriteria(), change.noticeReference());
        lot.name = change.name().strip();
        lot.categories = new ArrayList<>(change.categories());
        lot.selectionCriteria = new ArrayList<>(change.selectionCriteria());
        publish(EventCatalog.LOT_CHANGED, lot);
        audit.record("lot", lot.id, "CHANGED", actor, change.noticeReference(), change);
        return lot;
    }

    public Lot get(UUID id) {
        return Lot.<Lot>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Lot", id));
    }

    public List<Lot> forDps(UUID dpsId, PageRequest page) {
        dpsService.get(dpsId);
        return Lot.find("dps.id", Sort.by("code"), dpsId).range(page.first(), page.last()).list();
    }

    private static void requireCommissionerOf(DynamicPurchasingSystem dps, String council) {
        if (!dps.servesCouncil(council)) {
            throw ProblemException.forbidden("Only commissioners of the DPS's councils may change its lots.");
        }
    }

    private static void checkCategories(List<Lot.Category> categories) {
        Set<String> codes = new HashSet<>();
        for (Lot.Category category : categories) {
            if (!codes.add(category.code())) {
                throw ProblemException.badRequest("categories", "category code " + category.code() + " is repeated");
            }
        }
    }

    private void publish(EventType type, Lot lot) {
        DynamicPurchasingSystem dps = lot.dps;
        outbox.publish(type, lot.id, new LotSnapshot(lot.id, dps.id, dps.reference, lot.code, lot.name,
                lot.serviceType.name(), List.of(lot.placementPatterns),
                lot.categories.stream().map(c -> new LotSnapshot.Category(c.code(), c.name())).toList(),
                List.copyOf(lot.selectionCriteria), lot.tiered, lot.open, Arrays.asList(dps.councils), dps.validFrom,
                dps.validTo));
    }
}
