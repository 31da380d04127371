package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.ReferralCancelled;
import uk.gov.dps.events.placement.ReferralRaised;
import uk.gov.dps.events.placement.ReferralUnmet;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.domain.CallOffRound;
import uk.gov.dps.placement.domain.Fit;
import uk.gov.dps.placement.domain.Inbox;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Projections.LotMember;
import uk.gov.dps.placement.domain.Projections.LotView;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Tiers;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

@ApplicationScoped
public class ReferralService {

    @Inject
    CallOffRules callOffRules;

    /** A tier's window is hours or days; a longer one would leave the child waiting. */
    static final Duration MAX_CASCADE_WINDOW = Duration.ofDays(30);

    @Inject
    MarketView market;

    @Inject
    FitService fit;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    public record NewReferral(UUID lotId, String category, String ageBand, String sex, List<Need> needs,
            String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired, boolean therapyRequired,
            String childReference, Referral.SchoolStatus schoolStatus, Referral.Urgency urgency) {
    }

    @Transactional
    public Referral raise(NewReferral request) {
        String council = caller.requirePartnerCouncil();
        LotView lot = market.lot(request.lotId());
        if (!lot.servesCouncil(council)) {
            throw ProblemException.forbidden("Your council does not call off from the DPS of lot " + lot.code + ".");
        }
        if (request.category() != null && !lot.hasCategory(request.category())) {
            throw ProblemException.badRequest("category", "lot " + lot.code + " has no category " + request.category());
        }
        if (!"SPECIAL_SCHOOL".equals(lot.serviceType) && !"WEEKS_52".equals(request.placementPattern())) {
            throw ProblemException.badRequest("placementPattern",
                    "day and 38-week placements are for special schools; lot " + lot.code + " places 52 weeks a year");
        }
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.council = council;
        referral.lotId = lot.lotId;
        referral.category = request.category();
        referral.status = Referral.Status.RAISED;
        referral.ageBand = request.ageBand();
        referral.sex = request.sex();
        referral.needs = request.needs().stream().map(Enum::name).distinct().toArray(String[]::new);
        referral.postcodeDistrict = request.postcodeDistrict();
        referral.siblingsToPlace = request.siblingsToPlace();
        referral.emergency = request.emergency();
        referral.wantedStart = request.wantedStart();
        referral.expectedDurationWeeks = request.expectedDurationWeeks();
        referral.placementPattern = request.placementPattern();
        referral.educationRequired = request.educationRequired();
        referral.therapyRequired = request.therapyRequired();
        referral.childReference = request.childReference();
        referral.schoolStatus = request.schoolStatus();
        referral.urgency = request.urgency();
        referral.raisedAt = clock.instant();
        referral.raisedBy = caller.name();
        referral.persist();
        outbox.publish(EventCatalog.REFERRAL_RAISED, referral.id, new ReferralRaised(referral.id, council, lot.lotId,
                referral.category, referral.ageBand, referral.sex, List.of(referral.needs), referral.postcodeDistrict,
                referral.emergency, referral.wantedStart, referral.placementPattern, referral.raisedAt));
        audit.record("referral", referral.id, "RAISED", caller.asActor(), null, null);
        return referral;
    }

    /**
     * A referral the caller may see: officers and panel members of its council, or a provider invited to its
     * call-off. Anyone else gets 403, never the data.
     */
    public Referral readable(UUID id) {
        Referral referral = Referral.<Referral>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Referral", id));
        if (caller.hasRole(Roles.PROVIDER)) {
            UUID provider = caller.providerClaim().orElseThrow(
                    () -> ProblemException.forbidden("Your token does not name your organisation."));
            if (Invitation.findById(new Invitation.Key(id, provider)) == null) {
                throw ProblemException.forbidden("Your organisation was not invited to this referral.");
            }
        } else if (!referral.council.equals(caller.requirePartnerCouncil())) {
            throw ProblemException.forbidden("This referral belongs to another council.");
        }
        return referral;
    }

    /** The decision as {@code provider} may know it: see {@link Inbox#outcome}. */
    public Inbox.Outcome outcomeFor(Referral referral, UUID provider) {
        if (!Inbox.decided(referral)) {
            return null;
        }
        UUID winner = Placement.<Placement>find("referralId", referral.id).firstResultOptional()
                .map(p -> p.providerId).orElse(null);
        return Inbox.outcome(referral, winner, provider);
    }

    /** For changes: only the referral's own council. */
    public Referral ownCouncils(UUID id) {
        Referral referral = Referral.<Referral>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Referral", id));
        caller.requireCouncil(referral.council);
        return referral;
    }

    /** One council's referrals, newest first; never another council's. */
    public List<Referral> list(String council, Optional<Referral.Status> status, PageRequest page) {
        Sort newestFirst = Sort.descending("raisedAt").and("id");
        var query = status
                .map(s -> Referral.<Referral>find("council = :council and status = :status", newestFirst,
                        Parameters.with("council", council).and("status", s)))
                .orElseGet(() -> Referral.find("council", newestFirst, council));
        return query.range(page.first(), page.last()).list();
    }

    @Transactional
    public Referral recordInHouseCheck(UUID id, Referral.InHouseOutcome outcome, String notes) {
        Referral referral = ownCouncils(id);
        try {
            referral.recordInHouseCheck(outcome, notes, clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        audit.record("referral", id, outcome == Referral.InHouseOutcome.AVAILABLE ? "PLACED_IN_HOUSE"
                : "IN_HOUSE_NOT_AVAILABLE", caller.asActor(), notes, null);
        return referral;
    }

    /**
     * Invites every member of the lot (serving the referral's category) who is not suspended at this moment,
     * all at once with one deadline, or with a cascade window tier by tier: the first tier now, the next when
     * a window closes without an offer ({@link CascadeService}).
     */
    @Transactional
    public List<Invitation> callOff(UUID id, Instant respondBy, Duration cascadeWindow) {
        Referral referral = ownCouncils(id);
        Instant now = clock.instant();
        if (cascadeWindow != null && (cascadeWindow.isNegative() || cascadeWindow.isZero()
                || cascadeWindow.compareTo(MAX_CASCADE_WINDOW) > 0)) {
            throw ProblemException.badRequest("cascadeWindow", "must be a positive duration of at most 30 days, such "
                    + "as PT24H");
        }
        if (cascadeWindow == null && respondBy == null) {
            throw ProblemException.badRequest("respondBy", "give the response deadline (or a cascadeWindow)");
        }
        callOffRules.check(referral.lotId, cascadeWindow != null, now);
        try {
            referral.callOff(cascadeWindow != null ? now.plus(cascadeWindow) : respondBy, cascadeWindow, now);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("respondBy", "must be in the future");
        }
        List<LotMember> members = market.invitees(referral.lotId, referral.category);
        if (members.isEmpty()) {
            throw ProblemException.conflict("No provider in the lot" + (referral.category == null ? ""
                    : " serving " + referral.category) + " can be invited: all are suspended or there are none.");
        }
        if (cascadeWindow != null) {
            if (!market.lot(referral.lotId).tiered) {
                throw ProblemException.badRequest("cascadeWindow", "the lot has no tiers to cascade through");
            }
            String firstTier = Tiers.inOrder(members).get(0);
            referral.openCascadeWindow(firstTier, now);
            members = members.stream().filter(m -> Tiers.of(m).equals(firstTier)).toList();
        }
        List<Invitation> invitations = invite(referral, members, now);
        audit.record("referral", id, "CALLED_OFF", caller.asActor(), null, Map.of("invited",
                invitations.stream().map(i -> i.providerId).toList(), "respondBy", referral.respondBy.toString()));
        return invitations;
    }

    /**
     * Invites {@code members} with the referral's current deadline, each invitation with its fit against the member's
     * settings and vacancies now (assessed set-wise), and announces it.
     */
    List<Invitation> invite(Referral referral, List<LotMember> members, Instant now) {
        Map<UUID, Fit.Assessment> fits = fit.assess(referral, members.stream().map(m -> m.providerId).toList());
        List<Invitation> invitations = members.stream().map(m -> {
            Invitation invitation = new Invitation();
            invitation.referralId = referral.id;
            invitation.providerId = m.providerId;
            invitation.providerName = m.providerName;
            invitation.tier = m.tier;
            invitation.invitedAt = now;
            invitation.respondBy = referral.respondBy;
            invitation.assessed(fits.get(m.providerId), now);
            invitation.persist();
            return invitation;
        }).toList();
        outbox.publish(EventCatalog.CALL_OFF_ISSUED, referral.id, new CallOffIssued(referral.id, referral.council,
                referral.lotId, referral.category, invitations.stream().map(i -> i.providerId).toList(),
                referral.cascadeTier, referral.respondBy, now));
        return invitations;
    }

    /**
     * Officers see every invitation, those likely to answer first: by fit (MEETS first), then nearest, then by name. An
     * invited provider sees only its own.
     */
    public List<Invitation> invitations(UUID id) {
        Referral referral = readable(id);
        if (caller.hasRole(Roles.PROVIDER)) {
            return List.of(Invitation.findById(new Invitation.Key(referral.id, caller.providerClaim().orElseThrow())));
        }
        return Invitation.list("referralId = ?1 order by fitRank, fitMiles nulls last, providerName, providerId", id);
    }

    /** Everyone invited to the referral in any round. */
    private static List<UUID> invitedProviders(UUID referralId) {
        return Invitation.<Invitation>list("referralId = ?1 order by providerId", referralId).stream()
                .map(i -> i.providerId).toList();
    }

    /**
     * The council withdraws its referral at any stage before award: every invitation closes and the invited
     * providers are told (dps.referral.cancelled.v1).
     */
    @Transactional
    public Referral cancel(UUID id, String reason) {
        Referral referral = ownCouncils(id);
        try {
            referral.cancel(reason, clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        List<UUID> invited = invitedProviders(id);
        outbox.publish(EventCatalog.REFERRAL_CANCELLED, id, new ReferralCancelled(id, referral.council, reason,
                invited, referral.closedAt));
        audit.record("referral", id, "CANCELLED", caller.asActor(), reason, Map.of("invited", invited));
        return referral;
    }

    /** The terms of a re-run call-off: a wider category (null: the whole lot), a new deadline, a tier (or all). */
    public record NextRound(String category, Instant respondBy, String tier) {
    }

    /**
     * Re-runs a call-off that ended without a suitable offer: after the last round's deadline and before award,
     * every eligible member (of the tier, if given) is invited again under the new terms and may answer anew;
     * earlier rounds' offers stay. Publishes dps.referral.called-off.v1 with the round number.
     */
    @Transactional
    public CallOffRound nextRound(UUID id, NextRound request) {
        Referral referral = ownCouncils(id);
        LotView lot = market.lot(referral.lotId);
        if (request.category() != null && !lot.hasCategory(request.category())) {
            throw ProblemException.badRequest("category", "lot " + lot.code + " has no category " + request.category());
        }
        if (request.tier() != null && !lot.tiered) {
            throw ProblemException.badRequest("tier", "lot " + lot.code + " has no tiers");
        }
        Instant now = clock.instant();
        if (referral.status == Referral.Status.CALLED_OFF && referral.roundEnded(now)) {
            historyOfFirstRound(referral);
        }
        try {
            referral.nextRound(request.category(), request.respondBy(), now);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("respondBy", "must be in the future");
        }
        List<LotMember> members = market.invitees(referral.lotId, referral.category).stream()
                .filter(m -> request.tier() == null || request.tier().equals(m.tier)).toList();
        if (members.isEmpty()) {
            throw ProblemException.conflict("No provider in the lot" + (referral.category == null ? ""
                    : " serving " + referral.category) + (request.tier() == null ? "" : " in tier " + request.tier())
                    + " can be invited: all are suspended or there are none.");
        }
        List<UUID> invited = new java.util.ArrayList<>();
        // the new round's terms (category, deadline) and today's settings and vacancies: assessed again
        Map<UUID, Fit.Assessment> fits = fit.assess(referral, members.stream().map(m -> m.providerId).toList());
        for (LotMember m : members) {
            Invitation invitation = Invitation.findById(new Invitation.Key(referral.id, m.providerId));
            if (invitation == null) {
                invitation = new Invitation();
                invitation.referralId = referral.id;
                invitation.providerId = m.providerId;
                invitation.providerName = m.providerName;
                invitation.tier = m.tier;
                invitation.persist();
            }
            invitation.invitedAt = now;
            invitation.respondBy = referral.respondBy;
            invitation.round = referral.round;
            invitation.assessed(fits.get(m.providerId), now);
            invited.add(m.providerId);
        }
        CallOffRound round = record(referral, request.tier(), invited);
        outbox.publish(EventCatalog.CALL_OFF_ISSUED, referral.id, new CallOffIssued(referral.id, referral.council,
                referral.lotId, referral.category, invited, request.tier(), referral.respondBy, now, referral.round));
        audit.record("referral", id, "CALLED_OFF", caller.asActor(), null, Map.of("round", referral.round,
                "invited", invited, "respondBy", referral.respondBy.toString()));
        return round;
    }

    /** The first call-off is kept on the referral itself; it enters the history when a second round starts. */
    private void historyOfFirstRound(Referral referral) {
        if (referral.round == 1 && CallOffRound.findById(new CallOffRound.Key(referral.id, 1)) == null) {
            record(referral, null, invitedProviders(referral.id));
        }
    }

    private static CallOffRound record(Referral referral, String tier, List<UUID> invited) {
        CallOffRound round = new CallOffRound();
        round.referralId = referral.id;
        round.round = referral.round;
        round.category = referral.category;
        round.tier = tier;
        round.respondBy = referral.respondBy;
        round.calledOffAt = referral.calledOffAt;
        round.invitedProviderIds = invited.toArray(UUID[]::new);
        round.persist();
        return round;
    }

    /** The referral's call-off rounds, first to last; one round until it is re-run, none before a call-off. */
    public List<CallOffRound> rounds(UUID id) {
        Referral referral = readable(id);
        List<CallOffRound> rounds = CallOffRound.list("referralId = ?1 order by round", id);
        if (rounds.isEmpty() && referral.calledOffAt != null) {
            CallOffRound first = new CallOffRound();
            first.referralId = id;
            first.round = 1;
            first.category = referral.category;
            first.respondBy = referral.respondBy;
            first.calledOffAt = referral.calledOffAt;
            first.invitedProviderIds = invitedProviders(id).toArray(UUID[]::new);
            return List.of(first);
        }
        return rounds;
    }

    /**
     * Closes a referral the DPS could not meet: after a round's deadline, without award. The council may then
     * buy a placement off the DPS under an exemption, linked to this referral.
     */
    @Transactional
    public Referral closeUnmet(UUID id, String reason) {
        Referral referral = ownCouncils(id);
        try {
            referral.closeUnmet(reason, clock.instant());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        List<UUID> invited = invitedProviders(id);
        outbox.publish(EventCatalog.REFERRAL_UNMET, id, new ReferralUnmet(id, referral.council, referral.lotId,
                reason, referral.round, invited, referral.closedAt));
        audit.record("referral", id, "UNMET", caller.asActor(), reason, Map.of("rounds", referral.round));
        return referral;
    }
}
