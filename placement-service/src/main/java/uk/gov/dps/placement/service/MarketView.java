package uk.gov.dps.placement.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderTierChanged;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.placement.config.PlacementConfig;
import uk.gov.dps.placement.domain.Projections.LotMember;
import uk.gov.dps.placement.domain.Projections.LotView;
import uk.gov.dps.placement.domain.Projections.ProviderQuality;
import uk.gov.dps.placement.domain.SettingQuality;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

/**
 * What placement-service knows of the market, from other services' events: lots (dps.lots), who is a
 * member of each and whether suspended (dps.providers), and each provider's latest judgement (dps.quality).
 * A call-off invites from this copy, so it works even while those services are down.
 */
@ApplicationScoped
public class MarketView {

    @Inject
    PlacementConfig config;

    @Inject
    CallOffRules callOffRules;

    /** A lot opened, closed or changed: each event carries the whole lot. */
    public void lotChanged(LotSnapshot snapshot) {
        LotView existing = LotView.findById(snapshot.lotId());
        LotView lot = existing != null ? existing : new LotView();
        lot.lotId = snapshot.lotId();
        lot.code = snapshot.code();
        lot.name = snapshot.name();
        lot.serviceType = snapshot.serviceType();
        lot.categories = snapshot.categories().stream().map(LotSnapshot.Category::code).toArray(String[]::new);
        lot.councils = snapshot.councils().toArray(String[]::new);
        lot.tiered = snapshot.tiered();
        if (existing == null) {
            lot.persist();
        }
        callOffRules.lotChanged(snapshot);
    }

    public void admitted(ProviderAdmittedToLot admitted) {
        LotMember existing = LotMember.findById(new LotMember.Key(admitted.lotId(), admitted.providerId()));
        LotMember member = existing != null ? existing : new LotMember();
        member.lotId = admitted.lotId();
        member.providerId = admitted.providerId();
        member.providerName = admitted.providerName();
        member.categories = admitted.categories().toArray(String[]::new);
        member.tier = admitted.tier();
        member.suspended = false;
        if (existing == null) {
            member.persist();
        }
    }

    public void suspended(ProviderSuspended suspended) {
        setSuspended(suspended.providerId(), suspended.lotIds(), true);
    }

    public void reinstated(ProviderReinstated reinstated) {
        setSuspended(reinstated.providerId(), reinstated.lotIds(), false);
    }

    public void tierChanged(ProviderTierChanged changed) {
        LotMember.update("tier = ?1 where lotId = ?2 and providerId = ?3", changed.toTier(), changed.lotId(),
                changed.providerId());
    }

    public void withdrawn(ProviderWithdrawn withdrawn) {
        LotMember.delete("providerId = ?1 and lotId in ?2", withdrawn.providerId(), withdrawn.lotIds());
    }

    public void inspected(InspectionRecorded inspection) {
        // the setting's own judgement, for awards and fit at that setting
        SettingQuality.inspected(inspection.providerId(), inspection.settingUrn(), inspection.judgement(),
                inspection.inspectedOn());
        ProviderQuality quality = quality(inspection.providerId());
        // several settings may be inspected: the most recent judgement is the one that counts
        if (quality.judgedOn == null || !inspection.inspectedOn().isBefore(quality.judgedOn)) {
            quality.latestJudgement = inspection.judgement();
            quality.judgedOn = inspection.inspectedOn();
        }
    }

    public void riskRated(RiskRatingChanged rating) {
        quality(rating.providerId()).riskRating = rating.to();
    }

    private static ProviderQuality quality(UUID providerId) {
        ProviderQuality quality = ProviderQuality.findById(providerId);
        if (quality == null) {
            quality = new ProviderQuality();
            quality.providerId = providerId;
            quality.persist();
        }
        return quality;
    }

    private static void setSuspended(UUID providerId, List<UUID> lotIds, boolean suspended) {
        LotMember.update("suspended = ?1 where providerId = ?2 and lotId in ?3", suspended, providerId, lotIds);
    }

    /** 422 for a lot this service has not heard of. */
    public LotView lot(UUID lotId) {
        LotView lot = LotView.findById(lotId);
        if (lot == null) {
            throw ProblemException.unprocessable("Lot " + lotId + " is not a lot of any DPS.");
        }
        return lot;
    }

    /**
     * The members a call-off invites: every member of the lot (serving the category, if any) not suspended now.
     * 422 above {@code dps.placement.max-invitations}: the call-off's event names them all.
     */
    public List<LotMember> invitees(UUID lotId, String category) {
        int max = config.maxInvitations();
        List<LotMember> members = eligible(lotId, category).range(0, max).list();
        if (members.size() > max) {
            throw ProblemException.unprocessable("More than " + max + " providers would be invited: call off for one "
                    + "category of the lot, or cascade through its tiers.");
        }
        return members;
    }

    /** One page of the members a call-off would invite now, by name. */
    public List<LotMember> eligibleMembers(UUID lotId, String category, PageRequest page) {
        return eligible(lotId, category).range(page.first(), page.last()).list();
    }

    private static PanacheQuery<LotMember> eligible(UUID lotId, String category) {
        if (category == null) {
            return LotMember.find("lotId = ?1 and suspended = false order by providerName, providerId", lotId);
        }
        return LotMember.find("lotId = ?1 and suspended = false and array_contains(categories, ?2) "
                + "order by providerName, providerId", lotId, category);
    }

    public boolean isActiveMember(UUID lotId, UUID providerId) {
        LotMember member = LotMember.findById(new LotMember.Key(lotId, providerId));
        return member != null && !member.suspended;
    }

    public String latestJudgement(UUID providerId) {
        ProviderQuality quality = ProviderQuality.findById(providerId);
        return quality == null ? null : quality.latestJudgement;
    }
}
