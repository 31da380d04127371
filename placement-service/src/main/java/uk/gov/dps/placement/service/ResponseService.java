package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.config.PlacementConfig;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.placement.domain.Need;
import uk.gov.dps.placement.domain.OfferEvaluation;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/** Providers' answers to a call-off, and their evaluation. */
@ApplicationScoped
public class ResponseService {

    @Inject
    ReferralService referrals;

    @Inject
    MarketView market;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    PlacementConfig config;

    public record NewOffer(Fee fee, LocalDate proposedStart, String homeReference, List<Need> needsMet) {
    }

    @Transactional
    public Response offer(UUID referralId, NewOffer offer) {
        Referral referral = referrals.readable(referralId);
        UUID provider = respondingProvider(referral);
        Response response = newResponse(referral, provider, Response.Kind.OFFER);
        response.fee = offer.fee();
        response.proposedStart = offer.proposedStart();
        response.homeReference = offer.homeReference();
        response.needsMet = offer.needsMet().stream().map(Enum::name).distinct().toArray(String[]::new);
        response.persist();
        outbox.publish(EventCatalog.OFFER_SUBMITTED, referralId, new OfferSubmitted(referralId, response.id, provider,
                response.fee.toEvent(), response.proposedStart, response.submittedAt));
        return response;
    }

    @Transactional
    public Response decline(UUID referralId, Response.DeclineReason reason, String detail) {
        Referral referral = referrals.readable(referralId);
        UUID provider = respondingProvider(referral);
        Response response = newResponse(referral, provider, Response.Kind.DECLINE);
        response.declineReason = reason;
        response.detail = detail;
        response.persist();
        outbox.publish(EventCatalog.OFFER_DECLINED, referralId,
                new OfferDeclined(referralId, provider, reason.name(), detail, response.submittedAt));
        return response;
    }

    /** Officers see every response; a provider sees only its own, never a competitor's offer. */
    public List<Response> responses(UUID referralId) {
        referrals.readable(referralId);
        if (caller.hasRole(Roles.PROVIDER)) {
            return Response.list("referralId = ?1 and providerId = ?2", referralId, caller.providerClaim().orElseThrow());
        }
        return Response.list("referralId = ?1 order by submittedAt, id", referralId);
    }

    public List<OfferEvaluation.Ranked> evaluate(UUID referralId) {
        Referral referral = referrals.readable(referralId);
        List<OfferEvaluation.Candidate> candidates = Response.<Response>list(
                "referralId = ?1 and kind = ?2", referralId, Response.Kind.OFFER).stream()
                .map(r -> new OfferEvaluation.Candidate(r.id, r.providerId, providerName(referralId, r.providerId),
                        r.fee.total(), market.latestJudgement(r.providerId), Set.of(r.needsMet)))
                .toList();
        PlacementConfig.Evaluation weights = config.evaluation();
        return OfferEvaluation.rank(candidates, Set.of(referral.needs),
                new OfferEvaluation.Weights(weights.priceWeight(), weights.qualityWeight(), weights.needsWeight()));
    }

    /**
     * The provider answering: invited, a member of the lot not suspended now, before the deadline, once.
     */
    private UUID respondingProvider(Referral referral) {
        UUID provider = caller.providerClaim()
                .orElseThrow(() -> ProblemException.forbidden("Only a provider user can answer a call-off."));
        Invitation invitation = Invitation.findById(new Invitation.Key(referral.id, provider));
        if (invitation == null) {
            throw ProblemException.forbidden("Your organisation was not invited to this call-off.");
        }
        Instant now = clock.instant();
        if (referral.status != Referral.Status.CALLED_OFF) {
            throw ProblemException.conflict("The call-off is " + referral.status + ": it takes no more responses.");
        }
        if (now.isAfter(invitation.respondBy)) {
            throw ProblemException.unprocessable("The deadline for responses passed at " + invitation.respondBy + ".");
        }
        if (!market.isActiveMember(referral.lotId, provider)) {
            throw ProblemException.unprocessable(
                    "Your organisation is suspended from (or no longer a member of) this lot and cannot respond.");
        }
        if (Response.count("referralId = ?1 and providerId = ?2", referral.id, provider) > 0) {
            throw ProblemException.conflict("Your organisation has responded to this call-off already.");
        }
        return provider;
    }

    private Response newResponse(Referral referral, UUID provider, Response.Kind kind) {
        Response response = new Response();
        response.id = UUID.randomUUID();
        response.referralId = referral.id;
        response.providerId = provider;
        response.kind = kind;
        response.submittedAt = clock.instant();
        return response;
    }

    private static String providerName(UUID referralId, UUID providerId) {
        Invitation invitation = Invitation.findById(new Invitation.Key(referralId, providerId));
        return invitation == null ? providerId.toString() : invitation.providerName;
    }
}
