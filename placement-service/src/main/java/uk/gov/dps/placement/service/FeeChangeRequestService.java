package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.LocalDate;
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
import uk.gov.dps.events.placement.FeeChangeDecided;
import uk.gov.dps.events.placement.FeeChangeRequested;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.FeeChangeRequest;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/** A provider asks to change its placement's weekly fee; the placement's council accepts or refuses, once. */
@ApplicationScoped
public class FeeChangeRequestService {

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

    /**
     * The placement's own provider asks for {@code fee} from {@code effectiveFrom}. A date outside the placement
     * (before its start, after its end) is 400; a placement that has ended takes no request (409).
     */
    @Transactional
    public FeeChangeRequest request(UUID placementId, LocalDate effectiveFrom, Fee fee, String reason) {
        Placement placement = placements.readable(placementId);
        LocalDate start = placement.startDate != null ? placement.startDate : placement.plannedStart;
        if (effectiveFrom.isBefore(start)) {
            throw ProblemException.badRequest("effectiveFrom", "must not be before the placement starts (" + start
                    + ")");
        }
        if (placement.endDate != null && effectiveFrom.isAfter(placement.endDate)) {
            throw ProblemException.badRequest("effectiveFrom", "must not be after the placement ended ("
                    + placement.endDate + ")");
        }
        if (placement.status == Placement.Status.ENDED) {
            throw ProblemException.conflict("The placement has ended: its fee can no longer change.");
        }
        FeeChangeRequest request = new FeeChangeRequest();
        request.id = UUID.randomUUID();
        request.placementId = placementId;
        request.council = placement.council;
        request.providerId = placement.providerId;
        request.effectiveFrom = effectiveFrom;
        request.fee = fee;
        request.reason = reason;
        request.status = FeeChangeRequest.Status.PENDING;
        request.requestedBy = caller.name();
        request.requestedAt = clock.instant();
        request.persist();
        outbox.publish(EventCatalog.FEE_CHANGE_REQUESTED, placementId, new FeeChangeRequested(request.id,
                placementId, request.council, request.providerId, fee.toEvent(), effectiveFrom, reason,
                request.requestedAt));
        audit.record("placement", placementId, "FEE_CHANGE_REQUESTED", caller.asActor(), reason,
                Map.of("requestId", request.id, "effectiveFrom", effectiveFrom.toString(), "weeklyTotal",
                        fee.total().toPlainString()));
        return request;
    }

    /**
     * The council decides a pending request once (a second decision is 409). Accepted, the fee changes exactly as
     * when the council changes it, dps.placement.fee-changed.v1 included; refused, nothing changes.
     */
    @Transactional
    public FeeChangeRequest decide(UUID placementId, UUID requestId, FeeChangeRequest.Decision decision,
            String reason) {
        Placement placement = placements.get(placementId);
        FeeChangeRequest request = find(placementId, requestId);
        if (decision == FeeChangeRequest.Decision.REFUSED && reason == null) {
            throw ProblemException.badRequest("reason", "is required to refuse a request: the provider is told why");
        }
        try {
            request.decide(decision, reason, caller.name(), clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        outbox.publish(EventCatalog.FEE_CHANGE_DECIDED, placementId, new FeeChangeDecided(request.id, placementId,
                request.council, request.providerId, decision.name(), reason, request.decidedAt));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", request.id);
        details.put("providerId", request.providerId);
        details.put("effectiveFrom", request.effectiveFrom.toString());
        details.put("weeklyTotal", request.fee.total().toPlainString());
        audit.record("placement", placementId, "FEE_CHANGE_" + decision.name(), caller.asActor(), reason, details);
        if (decision == FeeChangeRequest.Decision.ACCEPTED) {
            // a copy: one embedded value is not shared between two rows
            Fee fee = Fee.of(request.fee.core, request.fee.additionalStaffing, request.fee.education,
                    request.fee.therapy);
            placements.applyFeeChange(placement, request.effectiveFrom, fee, request.reason, request.id);
        }
        return request;
    }

    /** One request on a placement the caller may read (its council's officers, or its provider). */
    public FeeChangeRequest get(UUID placementId, UUID requestId) {
        placements.readable(placementId);
        return find(placementId, requestId);
    }

    /**
     * Newest first: a provider sees only its own organisation's requests, an officer only its council's.
     */
    public List<FeeChangeRequest> list(Optional<FeeChangeRequest.Status> status, Optional<UUID> placement,
            PageRequest page) {
        StringBuilder query = new StringBuilder();
        Parameters parameters;
        if (caller.hasRole(Roles.PROVIDER)) {
            query.append("providerId = :who");
            parameters = Parameters.with("who", placements.ownProvider());
        } else {
            query.append("council = :who");
            parameters = Parameters.with("who", caller.requirePartnerCouncil());
        }
        if (status.isPresent()) {
            query.append(" and status = :status");
            parameters.and("status", status.get());
        }
        if (placement.isPresent()) {
            query.append(" and placementId = :placement");
            parameters.and("placement", placement.get());
        }
        return FeeChangeRequest.<FeeChangeRequest>find(query.toString(),
                Sort.descending("requestedAt").and("id"), parameters).range(page.first(), page.last()).list();
    }

    private static FeeChangeRequest find(UUID placementId, UUID requestId) {
        FeeChangeRequest request = FeeChangeRequest.findById(requestId);
        if (request == null || !request.placementId.equals(placementId)) {
            throw ProblemException.notFound("Fee change request", requestId);
        }
        return request;
    }
}
