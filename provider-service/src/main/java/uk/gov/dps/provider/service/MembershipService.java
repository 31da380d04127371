package uk.gov.dps.provider.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderTierChanged;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.LotView;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.ProblemException;

/** Suspension, reinstatement, tier changes and withdrawal of a provider's lot memberships. */
@ApplicationScoped
public class MembershipService {

    @Inject
    ProviderService providers;

    @Inject
    LotCatalogue lots;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<Membership> of(UUID providerId) {
        return Membership.list("providerId", providerId);
    }

    /** The memberships of several providers, by provider. */
    public java.util.Map<UUID, List<Membership>> of(List<UUID> providerIds) {
        if (providerIds.isEmpty()) {
            return java.util.Map.of();
        }
        return Membership.<Membership>list("providerId in ?1", providerIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(m -> m.providerId));
    }

    /**
     * Suspends the provider from new call-offs in one lot, or in every lot where it is active.
     *
     * @param automatic true when a quality event, not a person, decided it
     */
    @Transactional
    public List<UUID> suspend(UUID providerId, Optional<UUID> lotId, String reason, boolean automatic,
            AuditTrail.Actor actor) {
        List<Membership> affected = select(providerId, lotId, Membership.Status.ACTIVE, "suspend", automatic);
        if (affected.isEmpty()) {
            return List.of();
        }
        affected.forEach(m -> {
            m.status = Membership.Status.SUSPENDED;
            m.suspendedReason = reason;
        });
        List<UUID> lotIds = lotIds(affected);
        outbox.publish(EventCatalog.PROVIDER_SUSPENDED, providerId,
                new ProviderSuspended(providerId, lotIds, reason, automatic, clock.instant()));
        audit.record("provider", providerId, automatic ? "SUSPENDED_AUTOMATICALLY" : "SUSPENDED", actor, reason,
                Map.of("lotIds", lotIds));
        return lotIds;
    }

    @Transactional
    public List<UUID> reinstate(UUID providerId, Optional<UUID> lotId, String reason, AuditTrail.Actor actor) {
        List<Membership> affected = select(providerId, lotId, Membership.Status.SUSPENDED, "reinstate", false);
        affected.forEach(m -> {
            m.status = Membership.Status.ACTIVE;
            m.suspendedReason = null;
        });
        List<UUID> lotIds = lotIds(affected);
        outbox.publish(EventCatalog.PROVIDER_REINSTATED, providerId,
                new ProviderReinstated(providerId, lotIds, reason, clock.instant()));
        audit.record("provider", providerId, "REINSTATED", actor, reason, Map.of("lotIds", lotIds));
        return lotIds;
    }

    @Transactional
    public Membership changeTier(UUID providerId, UUID lotId, String tier, String reason, AuditTrail.Actor actor) {
        Membership membership = membership(providerId, lotId);
        LotView lot = lots.get(lotId);
        if (!lot.tiered) {
            throw ProblemException.unprocessable("Lot " + lot.code + " has no tiers.");
        }
        if (tier.equals(membership.tier)) {
            throw ProblemException.conflict("The provider is in " + tier + " already.");
        }
        String from = membership.tier;
        membership.tier = tier;
        outbox.publish(EventCatalog.PROVIDER_TIER_CHANGED, providerId,
                new ProviderTierChanged(providerId, lotId, from, tier, reason, clock.instant()));
        audit.record("provider", providerId, "TIER_CHANGED", actor, reason,
                Map.of("lotId", lotId, "from", String.valueOf(from), "to", tier));
        return membership;
    }

    /** Ends membership of one lot, or of all; the provider may apply again later. */
    @Transactional
    public List<UUID> withdraw(UUID providerId, Optional<UUID> lotId, String reason, AuditTrail.Actor actor) {
        List<Membership> affected = select(providerId, lotId, null, "withdraw", false);
        List<UUID> lotIds = lotIds(affected);
        affected.forEach(Membership::delete);
        outbox.publish(EventCatalog.PROVIDER_WITHDRAWN, providerId,
                new ProviderWithdrawn(providerId, lotIds, reason, clock.instant()));
        audit.record("provider", providerId, "WITHDRAWN", actor, reason, Map.of("lotIds", lotIds));
        return lotIds;
    }

    private Membership membership(UUID providerId, UUID lotId) {
        providers.get(providerId);
        return Membership.<Membership>findByIdOptional(new Membership.Key(providerId, lotId))
                .orElseThrow(() -> ProblemException.notFound("Membership of lot", lotId));
    }

    /**
     * The memberships an action applies to: the one lot named (which must be in {@code status}), or every
     * membership in {@code status}. A person asking for nothing to change gets 409; an automatic action
     * simply finds nothing to do.
     */
    private List<Membership> select(UUID providerId, Optional<UUID> lotId, Membership.Status status, String action,
            boolean quietIfNone) {
        providers.get(providerId);
        if (lotId.isPresent()) {
            Membership one = membership(providerId, lotId.get());
            if (status != null && one.status != status) {
                throw ProblemException.conflict("Cannot " + action + ": the membership is " + one.status + ".");
            }
            return List.of(one);
        }
        List<Membership> all = status == null ? Membership.list("providerId", providerId)
                : Membership.list("providerId = ?1 and status = ?2", providerId, status);
        if (all.isEmpty() && !quietIfNone) {
            throw ProblemException.conflict("Cannot " + action + ": the provider has no "
                    + (status == null ? "" : status.name().toLowerCase() + " ") + "lot memberships.");
        }
        return all;
    }

    private static List<UUID> lotIds(List<Membership> memberships) {
        return memberships.stream().map(m -> m.lotId).sorted().toList();
    }
}
