package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.OfferAmended;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.events.placement.OfferWithdrawn;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.config.PlacementConfig;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.placement.domain.OfferEvaluation;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.placement.domain.Projections.SettingView;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PostcodeDistricts;
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
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    PlacementConfig config;

    @Inject
    SettingsView settings;

    @Inject
    FitService fit;

    /** Where an offer's setting is: its name and its distance from the child's home district (null when unknown). */
    public record Placed(String settingName, PostcodeDistricts.PlacementDistance distance) {
    }

    public record NewOffer(Fee fee, LocalDate proposedStart, String homeReference, List<Need> needsMet,
            UUID settingId) {
    }

    @Transactional
    public Response offer(UUID referralId, NewOffer offer) {
        Referral referral = referrals.readable(referralId);
        UUID provider = respondingProvider(referral);
        Response response = newResponse(referral, provider, Response.Kind.OFFER);
        response.fee = offer.fee();
        response.proposedStart = offer.proposedStart();
        response.homeReference = offer.homeReference();
        response.settingId = settings.offeredSetting(offer.settingId(), provider).map(s -> s.settingId).orElse(null);
        response.needsMet = offer.needsMet().stream().map(Enum::name).distinct().toArray(String[]::new);
        response.fitWhenAnswered = fitShown(referral, provider);
        response.persist();
        outbox.publish(EventCatalog.OFFER_SUBMITTED, referralId, new OfferSubmitted(referralId, response.id, provider,
                response.fee.toEvent(), response.proposedStart, response.submittedAt, response.settingId));
        audit.record("referral", referralId, "OFFERED", caller.asActor(), null, Map.of("offerId", response.id,
                "providerId", provider, "proposedStart", response.proposedStart.toString()));
        return response;
    }

    @Transactional
    public Response decline(UUID referralId, Response.DeclineReason reason, String detail) {
        Referral referral = referrals.readable(referralId);
        UUID provider = respondingProvider(referral);
        Response response = newResponse(referral, provider, Response.Kind.DECLINE);
        response.declineReason = reason;
        response.detail = detail;
        response.fitWhenAnswered = fitShown(referral, provider);
        response.persist();
        outbox.publish(EventCatalog.OFFER_DECLINED, referralId,
                new OfferDeclined(referralId, provider, reason.name(), detail, response.submittedAt));
        audit.record("referral", referralId, "DECLINED", caller.asActor(), reason.name(),
                Map.of("providerId", provider));
        return response;
    }

    /** Withdraws the caller's own offer before its deadline: it is then neither ranked nor awardable. */
    @Transactional
    public Response withdraw(UUID referralId, UUID offerId, String reason) {
        Response offer = ownChangeableOffer(referralId, offerId);
        offer.withdrawnAt = clock.instant();
        offer.withdrawalReason = reason;
        outbox.publish(EventCatalog.OFFER_WITHDRAWN, referralId, new OfferWithdrawn(referralId, offerId,
                offer.providerId, Referral.<Referral>findById(referralId).council, reason, offer.withdrawnAt));
        audit.record("referral", referralId, "OFFER_WITHDRAWN", caller.asActor(), reason,
                Map.of("offerId", offerId, "providerId", offer.providerId));
        return offer;
    }

    /** Replaces the caller's own offer's fee, start and home before its deadline; it is evaluated as amended. */
    @Transactional
    public Response amend(UUID referralId, UUID offerId, NewOffer amended, String reason) {
        Response offer = ownChangeableOffer(referralId, offerId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("offerId", offerId);
        details.put("providerId", offer.providerId);
        details.put("previousWeeklyTotal", offer.fee.total().toPlainString());
        details.put("weeklyTotal", amended.fee().total().toPlainString());
        details.put("previousProposedStart", String.valueOf(offer.proposedStart));
        details.put("proposedStart", String.valueOf(amended.proposedStart()));
        details.put("previousHomeReference", offer.homeReference);
        details.put("homeReference", amended.homeReference());
        details.put("previousSettingId", String.valueOf(offer.settingId));
        details.put("settingId", String.valueOf(amended.settingId()));
        offer.fee = amended.fee();
        offer.proposedStart = amended.proposedStart();
        offer.homeReference = amended.homeReference();
        offer.settingId = settings.offeredSetting(amended.settingId(), offer.providerId).map(s -> s.settingId)
                .orElse(null);
        offer.needsMet = amended.needsMet().stream().map(Enum::name).distinct().toArray(String[]::new);
        offer.amendedAt = clock.instant();
        outbox.publish(EventCatalog.OFFER_AMENDED, referralId, new OfferAmended(referralId, offerId, offer.providerId,
                Referral.<Referral>findById(referralId).council, offer.fee.toEvent(), offer.proposedStart,
                offer.homeReference, List.of(offer.needsMet), reason, offer.amendedAt, offer.settingId));
        audit.record("referral", referralId, "OFFER_AMENDED", caller.asActor(), reason, details);
        return offer;
    }

    /**
     * The caller's own live offer on a referral still called off, before the caller's deadline. Another provider's
     * offer is 403; after the deadline, the award, or a withdrawal, 409.
     */
    private Response ownChangeableOffer(UUID referralId, UUID offerId) {
        Referral referral = referrals.readable(referralId);
        UUID provider = caller.providerClaim()
                .orElseThrow(() -> ProblemException.forbidden("Only a provider user can change its offer."));
        Response offer = Response.findById(offerId);
        if (offer == null || !offer.referralId.equals(referralId) || offer.kind != Response.Kind.OFFER) {
            throw ProblemException.notFound("Offer", offerId);
        }
        if (!offer.providerId.equals(provider)) {
            throw ProblemException.forbidden("This offer is another organisation's.");
        }
        if (referral.status != Referral.Status.CALLED_OFF) {
            throw ProblemException.conflict("The call-off is " + referral.status + ": offers can no longer change.");
        }
        Invitation invitation = Invitation.findById(new Invitation.Key(referralId, provider));
        if (clock.instant().isAfter(invitation.respondBy)) {
            throw ProblemException.conflict("Your deadline passed at " + invitation.respondBy
                    + ": the offer can no longer change.");
        }
        if (offer.withdrawn()) {
            throw ProblemException.conflict("The offer was withdrawn.");
        }
        // a change racing an award: both bump the referral's version, so only one of them commits
        Referral.getEntityManager().lock(referral, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return offer;
    }

    private static uk.gov.dps.placement.domain.Fit.Level fitShown(Referral referral, UUID provider) {
        return Invitation.<Invitation>findById(new Invitation.Key(referral.id, provider)).fit;
    }

    /** Where each of these responses' settings is, by response id, in one query for the settings. */
    public Map<UUID, Placed> placed(UUID referralId, List<Response> responses) {
        Referral referral = Referral.findById(referralId);
        Map<UUID, SettingView> byId = fit.settings(responses.stream().map(r -> r.settingId).toList());
        Map<UUID, Placed> placed = new java.util.HashMap<>();
        for (Response r : responses) {
            SettingView setting = byId.get(r.settingId);
            if (setting != null) {
                placed.put(r.id, new Placed(setting.name, fit.distance(referral, setting).orElse(null)));
            }
        }
        return placed;
    }

    /** Officers see every response; a provider sees only its own, never a competitor's offer. */
    public List<Response> responses(UUID referralId) {
        referrals.readable(referralId);
        if (caller.hasRole(Roles.PROVIDER)) {
            return Response.list("referralId = ?1 and providerId = ?2", referralId, caller.providerClaim().orElseThrow());
        }
        return Response.list("referralId = ?1 order by submittedAt, id", referralId);
    }

    /**
     * The live offers ranked. An offer at a setting the regulator has judged is scored (and gated) on that setting's
     * own latest judgement; otherwise on the provider's latest.
     */
    public List<OfferEvaluation.Ranked> evaluate(UUID referralId) {
        Referral referral = referrals.readable(referralId);
        List<Response> offers = Response.list("referralId = ?1 and kind = ?2 and withdrawnAt is null", referralId,
                Response.Kind.OFFER);
        Map<UUID, SettingView> offered = fit.settings(offers.stream().map(r -> r.settingId).toList());
        List<OfferEvaluation.Candidate> candidates = offers.stream()
                .map(r -> new OfferEvaluation.Candidate(r.id, r.providerId, providerName(referralId, r.providerId),
                        r.fee.total(), fit.settingJudgement(offered.get(r.settingId)).map(q -> q.latestJudgement)
                                .orElseGet(() -> market.latestJudgement(r.providerId)), Set.of(r.needsMet)))
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
        if (Response.count("referralId = ?1 and providerId = ?2 and round = ?3", referral.id, provider,
                referral.round) > 0) {
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
        response.round = referral.round;
        return response;
    }

    private static String providerName(UUID referralId, UUID providerId) {
        Invitation invitation = Invitation.findById(new Invitation.Key(referralId, providerId));
        return invitation == null ? providerId.toString() : invitation.providerName;
    }
}
