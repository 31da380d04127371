package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.config.PlacementConfig;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.FeeChange;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.placement.domain.PanelRequest;
import uk.gov.dps.placement.domain.PanelRule;
import uk.gov.dps.placement.domain.ParentalPreference;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Projections.LotView;
import uk.gov.dps.placement.domain.Projections.SettingView;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/** Award of a call-off, and the placement's lifecycle: start, fee changes, end. */
@ApplicationScoped
public class PlacementService {

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
    Ssda903Recording ssda903;

    @Inject
    ResponseService responses;

    @Inject
    PanelService panel;

    @Inject
    CallOffRules regimeRules;

    @Inject
    FitService fit;

    /**
     * What the officer asks for. {@code parentalPreference}: only for a special school; {@code justification}:
     * required when the offer is not the one ranked first by the evaluation.
     */
    public record Award(UUID offerId, List<FundingShares.Share> fundingShares, ParentalPreference parentalPreference,
            LocalDate plannedStart, LocalDate expectedEnd, String placementType, String placementProvider,
            String justification, String noticeReference, String exceptionalReason) {

        /** An award without an exceptional reason (it matters only for a for-profit setting in Wales). */
        public Award(UUID offerId, List<FundingShares.Share> fundingShares, ParentalPreference parentalPreference,
                LocalDate plannedStart, LocalDate expectedEnd, String placementType, String placementProvider,
                String justification, String noticeReference) {
            this(offerId, fundingShares, parentalPreference, plannedStart, expectedEnd, placementType,
                    placementProvider, justification, noticeReference, null);
        }
    }

    /** An award makes either the placement or, when the County Resourcing Panel must decide, a panel request. */
    public record Outcome(Placement placement, PanelRequest panelRequest) {
    }

    /**
     * Awards the call-off to one offer: the placement and its individual placement agreement are made, and the
     * unsuccessful offerors are named in the event; or, when the award needs the County Resourcing Panel
     * ({@link PanelRule}), a panel request waits for the panel and the referral awaits it. Two awards racing on one
     * referral: the referral's version lets exactly one commit; the other gets 409.
     */
    @Transactional
    public Outcome award(UUID referralId, Award award) {
        Referral referral = referrals.ownCouncils(referralId);
        if (referral.status != Referral.Status.CALLED_OFF) {
            throw ProblemException.conflict("The referral is " + referral.status + ": it cannot be awarded.");
        }
        Response offer = Response.findById(award.offerId());
        if (offer == null || !offer.referralId.equals(referralId)) {
            throw ProblemException.unprocessable("Offer " + award.offerId() + " is not an offer on this referral.");
        }
        if (offer.kind != Response.Kind.OFFER) {
            throw ProblemException.unprocessable("The provider declined this call-off: there is no offer to award.");
        }
        if (offer.withdrawn()) {
            throw ProblemException.unprocessable("The provider withdrew this offer: it cannot be awarded.");
        }
        FundingShares.problem(award.fundingShares()).ifPresent(p -> {
            throw ProblemException.badRequest("fundingShares", p);
        });
        requireAwardable(referral, offer, award.exceptionalReason());
        LotView lot = market.lot(referral.lotId);
        if (award.parentalPreference() != null && !"SPECIAL_SCHOOL".equals(lot.serviceType)) {
            throw ProblemException.badRequest("parentalPreference", "applies only to special-school placements");
        }
        requireJustification(referralId, offer.id, award.justification());
        regimeRules.checkAwardNotice(referral.lotId, award.noticeReference());
        List<String> panelReasons = PanelRule.reasons(lot.serviceType, offer.fee.total(),
                config.panelThresholdWeekly(), award.parentalPreference());
        if (!panelReasons.isEmpty()) {
            return new Outcome(null, panel.request(referral, offer, award, panelReasons));
        }
        return new Outcome(place(referral, offer, award, null, caller.name()), null);
    }

    /**
     * The provider may still be awarded: not judged Inadequate since, still an active member of the lot; the offer's
     * setting not judged Inadequate itself (whatever the provider's newest judgement elsewhere); and, for a for-profit
     * setting in Wales from {@code dps.placement.wales-for-profit-exceptional-from}, an exceptional reason recorded.
     */
    void requireAwardable(Referral referral, Response offer, String exceptionalReason) {
        if ("INADEQUATE".equals(market.latestJudgement(offer.providerId))) {
            throw ProblemException.unprocessable("The provider's latest judgement is Inadequate: it cannot be awarded.");
        }
        if (!market.isActiveMember(referral.lotId, offer.providerId)) {
            throw ProblemException.unprocessable("The provider is suspended from (or left) the lot since it offered.");
        }
        SettingView setting = offer.settingId == null ? null : SettingView.findById(offer.settingId);
        fit.settingJudgement(setting).filter(q -> "INADEQUATE".equals(q.latestJudgement)).ifPresent(q -> {
            throw ProblemException.unprocessable("The offer's setting " + setting.name + " (URN " + q.ofstedUrn
                    + ") was judged Inadequate on " + q.judgedOn + ": it cannot be awarded, whatever the provider's "
                    + "judgements elsewhere.");
        });
        LocalDate from = config.walesForProfitExceptionalFrom();
        if (setting != null && "Wales".equalsIgnoreCase(setting.country) && setting.forProfit
                && !today().isBefore(from) && blankToNull(exceptionalReason) == null) {
            throw ProblemException.unprocessable("Health and Social Care (Wales) Act 2025: from " + from + " an "
                    + "English council places a child with a for-profit provider in Wales only in exceptional cases. "
                    + setting.name + " is run for profit in Wales: record the exceptionalReason to award it.");
        }
    }

    /** Awarding any offer but the one the evaluation ranks first needs a written reason. */
    private void requireJustification(UUID referralId, UUID offerId, String justification) {
        UUID first = responses.evaluate(referralId).stream().filter(r -> !r.excluded() && r.rank() == 1)
                .map(r -> r.candidate().offerId()).findFirst().orElse(null);
        if (!offerId.equals(first) && (justification == null || justification.isBlank())) {
            throw ProblemException.badRequest("justification", "is required to award an offer other than the one "
                    + "ranked first by the evaluation");
        }
    }

    /**
     * Makes the placement of an award (directly, or on the panel's approval of {@code panelRequestId}): the
     * individual placement agreement, dps.placement.awarded.v1 and the audit record, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Placement place(Referral referral, Response offer, Award award, UUID panelRequestId, String awardedBy) {
        UUID referralId = referral.id;
        LotView lot = market.lot(referral.lotId);
        referral.status = Referral.Status.AWARDED;

        Placement placement = new Placement();
        placement.id = UUID.randomUUID();
        placement.council = referral.council;
        placement.basis = Placement.Basis.CALL_OFF;
        placement.referralId = referralId;
        placement.offerId = offer.id;
        placement.lotId = lot.lotId;
        placement.serviceType = lot.serviceType;
        placement.providerId = offer.providerId;
        placement.providerName = Invitation.<Invitation>findById(new Invitation.Key(referralId, offer.providerId))
                .providerName;
        placement.fee = Fee.of(offer.fee.core, offer.fee.additionalStaffing, offer.fee.education, offer.fee.therapy);
        placement.placementPattern = referral.placementPattern;
        placement.fundingShares = new ArrayList<>(award.fundingShares());
        placement.plannedStart = award.plannedStart() != null ? award.plannedStart()
                : offer.proposedStart != null ? offer.proposedStart : referral.wantedStart;
        placement.expectedEnd = award.expectedEnd();
        placement.panelApprovalReference = panelRequestId == null ? null : panelRequestId.toString();
        ParentalPreference preference = award.parentalPreference();
        placement.parentalPreference = preference != null;
        placement.preferenceSchool = preference == null ? null : preference.school();
        placement.preferenceBasis = preference == null ? null : preference.basis();
        placement.justification = blankToNull(award.justification());
        placement.noticeReference = blankToNull(award.noticeReference());
        placement.exceptionalReason = blankToNull(award.exceptionalReason());
        SettingView setting = offer.settingId == null ? null : SettingView.findById(offer.settingId);
        if (setting != null) {
            placement.settingId = setting.settingId;
            placement.settingName = setting.name;
            fit.distance(referral, setting).ifPresent(placement::placedAt);
        }
        placement.status = Placement.Status.AWARDED;
        placement.awardedAt = clock.instant();
        placement.awardedBy = awardedBy;
        recordChild(placement, referral.childReference, ssda903.forNewPlacement(lot.serviceType,
                award.placementType(), award.placementProvider(), placement.plannedStart));
        placement.persist();

        // each provider once, however many rounds it offered in; and never the winner, whose earlier-round offer
        // lost only to its own later one
        List<UUID> unsuccessful = Response.<Response>list("referralId = ?1 and kind = ?2 and providerId <> ?3 "
                + "and withdrawnAt is null", referralId, Response.Kind.OFFER, offer.providerId).stream()
                .map(r -> r.providerId).distinct().sorted().toList();
        outbox.publish(EventCatalog.PLACEMENT_AWARDED, placement.id, new PlacementAwarded(placement.id, referralId,
                placement.council, placement.lotId, placement.serviceType, placement.providerId, offer.id,
                placement.fee.toEvent(), placement.placementPattern, placement.plannedStart, placement.expectedEnd,
                shares(placement), placement.panelApprovalReference, placement.parentalPreference, unsuccessful,
                placement.awardedAt, placement.justification, placement.noticeReference));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("placementId", placement.id);
        details.put("offerId", offer.id);
        details.put("parentalPreference", preference == null ? "none" : preference.basis() + ": " + preference.school());
        if (panelRequestId != null) {
            details.put("panelRequestId", panelRequestId);
        }
        if (placement.noticeReference != null) {
            details.put("noticeReference", placement.noticeReference);
        }
        if (placement.exceptionalReason != null) {
            details.put("exceptionalReason", placement.exceptionalReason);
        }
        audit.record("referral", referralId, "AWARDED", caller.asActor(), placement.justification, details);
        // the placement's own trail starts with how it was made: on a panel approval the actor is the panel member,
        // the award the officer's who asked for it
        Map<String, Object> made = new java.util.LinkedHashMap<>(details);
        made.remove("placementId");
        made.put("referralId", referralId);
        made.put("awardedBy", awardedBy);
        audit.record("placement", placement.id, "AWARDED", caller.asActor(), placement.justification, made);
        return placement;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A placement of the caller's council; 403 for another council's, 404 when unknown. */
    public Placement get(UUID id) {
        Placement placement = Placement.<Placement>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Placement", id));
        caller.requireCouncil(placement.council);
        return placement;
    }

    /**
     * A placement the caller may read: officers of its council, or the provider it is with. Anyone else gets 403
     * (as for referrals), never the data; 404 when unknown.
     */
    public Placement readable(UUID id) {
        if (!caller.hasRole(Roles.PROVIDER)) {
            return get(id);
        }
        UUID provider = ownProvider();
        Placement placement = Placement.<Placement>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Placement", id));
        if (!provider.equals(placement.providerId)) {
            throw ProblemException.forbidden("This placement is with another organisation.");
        }
        return placement;
    }

    /** The calling provider's own placements, newest first; never another organisation's. */
    public List<Placement> listOwn(Optional<Placement.Status> status, PageRequest page) {
        Sort newestFirst = Sort.descending("awardedAt").and("id");
        Parameters parameters = Parameters.with("provider", ownProvider());
        var query = status.map(s -> Placement.<Placement>find("providerId = :provider and status = :status",
                newestFirst, parameters.and("status", s))).orElseGet(() -> Placement.find("providerId = :provider",
                        newestFirst, parameters));
        return query.range(page.first(), page.last()).list();
    }

    /** The provider organisation of a provider user; 403 when the token names none. */
    UUID ownProvider() {
        return caller.providerClaim()
                .orElseThrow(() -> ProblemException.forbidden("Your token does not name your organisation."));
    }

    public List<Placement> list(Optional<Placement.Status> status, PageRequest page) {
        Sort newestFirst = Sort.descending("awardedAt").and("id");
        Parameters parameters = Parameters.with("council", caller.requirePartnerCouncil());
        var query = status.map(s -> Placement.<Placement>find("council = :council and status = :status", newestFirst,
                parameters.and("status", s))).orElseGet(() -> Placement.find("council = :council", newestFirst,
                        parameters));
        return query.range(page.first(), page.last()).list();
    }

    public List<FeeChange> feeChanges(UUID placementId) {
        return FeeChange.list("placementId = ?1 order by effectiveFrom, id", placementId);
    }

    /** The fee changes of several placements (one page of a list) in one query, each in effective order. */
    public Map<UUID, List<FeeChange>> feeChanges(List<UUID> placementIds) {
        if (placementIds.isEmpty()) {
            return Map.of();
        }
        return FeeChange.<FeeChange>list("placementId in ?1 order by effectiveFrom, id", placementIds).stream()
                .collect(Collectors.groupingBy(c -> c.placementId));
    }

    @Transactional
    public Placement start(UUID id, LocalDate startDate) {
        Placement placement = get(id);
        if (placement.status == Placement.Status.AWARDED) {
            ssda903.checkAtStart(placement, startDate);
        }
        try {
            placement.start(startDate);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        outbox.publish(EventCatalog.PLACEMENT_STARTED, id,
                new PlacementStarted(id, placement.council, placement.providerId, startDate));
        audit.record("placement", id, "STARTED", caller.asActor(), null, Map.of("startDate", startDate.toString()));
        return placement;
    }

    @Transactional
    public FeeChange changeFee(UUID id, LocalDate effectiveFrom, Fee fee, String reason) {
        return applyFeeChange(get(id), effectiveFrom, fee, reason, null);
    }

    /**
     * The one way a fee changes, whether the council changes it or accepts a provider's request: recorded,
     * published as dps.placement.fee-changed.v1 (spend re-commits from it) and audited, in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    FeeChange applyFeeChange(Placement placement, LocalDate effectiveFrom, Fee fee, String reason, UUID requestId) {
        UUID id = placement.id;
        if (placement.status == Placement.Status.ENDED) {
            throw ProblemException.conflict("The placement has ended: its fee cannot change.");
        }
        LocalDate from = placement.startDate != null ? placement.startDate : placement.plannedStart;
        if (effectiveFrom.isBefore(from)) {
            throw ProblemException.unprocessable("A fee change cannot take effect before the placement starts (" + from
                    + ").");
        }
        FeeChange change = new FeeChange();
        change.placementId = id;
        change.effectiveFrom = effectiveFrom;
        change.fee = fee;
        change.reason = reason;
        change.changedBy = caller.name();
        change.changedAt = clock.instant();
        change.requestId = requestId;
        change.persist();
        outbox.publish(EventCatalog.PLACEMENT_FEE_CHANGED, id,
                new PlacementFeeChanged(id, placement.council, effectiveFrom, fee.toEvent(), reason));
        audit.record("placement", id, "FEE_CHANGED", caller.asActor(), reason,
                Map.of("effectiveFrom", effectiveFrom.toString(), "weeklyTotal", fee.total().toPlainString()));
        return change;
    }

    @Transactional
    public Placement end(UUID id, LocalDate endDate, Placement.EndType type, Ssda903Recording.EndCodes codes) {
        Placement placement = get(id);
        if (placement.status == Placement.Status.ENDED) {
            throw ProblemException.conflict("The placement has ended already.");
        }
        Ssda903Recording.EndRecord recorded = ssda903.forEnd(placement, codes, endDate);
        String reasonCode = recorded.reasonCode();
        try {
            placement.end(endDate, type, reasonCode);
            placement.placementType = recorded.placementType();
            placement.reasonEpisodeCeased = recorded.reasonEpisodeCeased();
            placement.reasonPlaceChange = recorded.reasonPlaceChange();
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        outbox.publish(EventCatalog.PLACEMENT_ENDED, id, new PlacementEnded(id, placement.council,
                placement.providerId, endDate, type.name(), reasonCode, placement.reasonEpisodeCeased,
                placement.reasonPlaceChange, placement.placementType, placement.placementProvider));
        Map<String, Object> ended = new java.util.LinkedHashMap<>();
        ended.put("endDate", endDate.toString());
        ended.put("endType", type.name());
        ended.put("reasonEpisodeCeased", placement.reasonEpisodeCeased);
        ended.put("reasonPlaceChange", placement.reasonPlaceChange);
        ended.put("placementType", placement.placementType);
        audit.record("placement", id, "ENDED", caller.asActor(), reasonCode, ended);
        return placement;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    /** The child's council reference and the placement's SSDA903 codes, on a placement being made. */
    static void recordChild(Placement placement, String childReference, Ssda903Recording.PlacementCodes codes) {
        placement.childReference = childReference;
        placement.placementType = codes.placementType();
        placement.placementProvider = codes.placementProvider();
    }

    static List<FundingShare> shares(Placement placement) {
        return placement.fundingShares.stream().map(s -> new FundingShare(s.stream().name(), s.percent())).toList();
    }
}
