package uk.gov.dps.placement.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import uk.gov.dps.events.placement.PanelDecided;
import uk.gov.dps.events.placement.PanelRequested;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.PanelRequest;
import uk.gov.dps.placement.domain.ParentalPreference;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

/**
 * The County Resourcing Panel: awards that need it wait as panel requests in the council's queue; the panel of
 * that council approves (the placement is made as the award asked) or refuses (the referral is open again).
 */
@ApplicationScoped
public class PanelService {

    public enum Decision {
        APPROVED, REFUSED
    }

    @Inject
    PlacementService placements;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The award waits for the panel: the request keeps its terms, the referral awaits the panel. */
    @Transactional(Transactional.TxType.MANDATORY)
    PanelRequest request(Referral referral, Response offer, PlacementService.Award award, List<String> reasons) {
        PanelRequest request = new PanelRequest();
        request.id = UUID.randomUUID();
        request.referralId = referral.id;
        request.council = referral.council;
        request.offerId = offer.id;
        request.providerId = offer.providerId;
        request.fee = Fee.of(offer.fee.core, offer.fee.additionalStaffing, offer.fee.education, offer.fee.therapy);
        request.reasons = new ArrayList<>(reasons);
        request.fundingShares = new ArrayList<>(award.fundingShares());
        request.plannedStart = award.plannedStart();
        request.expectedEnd = award.expectedEnd();
        request.placementType = award.placementType();
        request.placementProvider = award.placementProvider();
        request.justification = PlacementService.blankToNull(award.justification());
        request.noticeReference = PlacementService.blankToNull(award.noticeReference());
        request.exceptionalReason = PlacementService.blankToNull(award.exceptionalReason());
        ParentalPreference preference = award.parentalPreference();
        request.preferenceSchool = preference == null ? null : preference.school();
        request.preferenceBasis = preference == null ? null : preference.basis();
        request.status = PanelRequest.Status.PENDING;
        request.requestedBy = caller.name();
        request.requestedAt = clock.instant();
        request.persist();
        referral.status = Referral.Status.AWAITING_PANEL;
        outbox.publish(EventCatalog.PANEL_REQUESTED, referral.id, new PanelRequested(request.id, referral.id,
                referral.council, offer.id, offer.providerId, request.fee.toEvent(), List.copyOf(reasons),
                request.justification, request.requestedAt));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("panelRequestId", request.id);
        details.put("offerId", offer.id);
        details.put("weeklyTotal", request.fee.total().toPlainString());
        details.put("reasons", List.copyOf(reasons));
        audit.record("referral", referral.id, "PANEL_REQUESTED", caller.asActor(), request.justification, details);
        return request;
    }

    /** One request of the caller's council; 403 for another council's, 404 when unknown. */
    public PanelRequest get(UUID id) {
        PanelRequest request = PanelRequest.<PanelRequest>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Panel request", id));
        caller.requireCouncil(request.council);
        return request;
    }

    /** The council's requests, oldest first (so the longest-waiting pending one leads), optionally by status. */
    public List<PanelRequest> list(Optional<PanelRequest.Status> status, Optional<UUID> referral, PageRequest page) {
        StringBuilder query = new StringBuilder("council = :council");
        Parameters parameters = Parameters.with("council", caller.requirePartnerCouncil());
        status.ifPresent(s -> {
            query.append(" and status = :status");
            parameters.and("status", s);
        });
        referral.ifPresent(r -> {
            query.append(" and referralId = :referral");
            parameters.and("referral", r);
        });
        return PanelRequest.<PanelRequest>find(query.toString(), Sort.ascending("requestedAt").and("id"), parameters)
                .range(page.first(), page.last()).list();
    }

    /**
     * The panel decides a pending request once (409 after). Approved: the placement is made exactly as the award
     * asked, with this request as its panel approval. Refused: the referral is open again for another award.
     */
    @Transactional
    public PanelRequest decide(UUID id, Decision decision, String reasons) {
        PanelRequest request = get(id);
        if (request.status != PanelRequest.Status.PENDING) {
            throw ProblemException.conflict("The panel request was " + request.status + " already.");
        }
        Referral referral = Referral.findById(request.referralId);
        if (referral.status != Referral.Status.AWAITING_PANEL) {
            throw ProblemException.conflict("The referral is " + referral.status + ": it no longer awaits the panel.");
        }
        request.decisionReasons = reasons.strip();
        request.decidedBy = caller.name();
        request.decidedAt = clock.instant();
        if (decision == Decision.APPROVED) {
            Response offer = Response.findById(request.offerId);
            placements.requireAwardable(referral, offer, request.exceptionalReason);
            request.status = PanelRequest.Status.APPROVED;
            Placement placement = placements.place(referral, offer, new PlacementService.Award(request.offerId,
                    request.fundingShares, request.preference(), request.plannedStart, request.expectedEnd,
                    request.placementType, request.placementProvider, request.justification,
                    request.noticeReference, request.exceptionalReason), request.id,
                    request.requestedBy);
            request.placementId = placement.id;
        } else {
            request.status = PanelRequest.Status.REFUSED;
            referral.status = Referral.Status.CALLED_OFF;
        }
        outbox.publish(EventCatalog.PANEL_DECIDED, referral.id, new PanelDecided(request.id, referral.id,
                request.council, request.offerId, decision.name(), request.decisionReasons, request.placementId,
                request.decidedAt));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("panelRequestId", request.id);
        details.put("offerId", request.offerId);
        if (request.placementId != null) {
            details.put("placementId", request.placementId);
        }
        audit.record("referral", referral.id, "PANEL_" + decision.name(), caller.asActor(), request.decisionReasons,
                details);
        return request;
    }
}
