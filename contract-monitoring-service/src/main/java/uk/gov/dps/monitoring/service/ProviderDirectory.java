package uk.gov.dps.monitoring.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.ProviderPlacement;
import uk.gov.dps.monitoring.domain.RiskRules;
import uk.gov.dps.runtime.ProblemException;

/**
 * The providers contract monitoring knows, kept from other services' events (each applied once, in the inbox's
 * transaction): names and lot membership from {@code dps.providers}, children placed from {@code dps.placements}.
 * The two topics are read independently, so either may mention a provider first: rows are created by whichever
 * event arrives first and completed by the others.
 */
@ApplicationScoped
public class ProviderDirectory {

    private static final Logger LOG = Logger.getLogger(ProviderDirectory.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The provider a record is about, locked for the rest of the transaction so that re-assessments of one provider
     * happen one at a time and each sees the records of the one before.
     *
     * @throws ProblemException 422 when monitoring does not know the provider
     */
    public MonitoredProvider lockKnown(UUID providerId) {
        MonitoredProvider provider = MonitoredProvider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
        if (provider == null) {
            throw ProblemException.unprocessable("Provider " + providerId + " is not known to contract monitoring: "
                    + "only providers registered on the platform can be monitored.");
        }
        return provider;
    }

    /** @throws ProblemException 404 when unknown */
    public MonitoredProvider get(UUID providerId) {
        return MonitoredProvider.<MonitoredProvider>findByIdOptional(providerId)
                .orElseThrow(() -> ProblemException.notFound("Provider", providerId));
    }

    // dps.providers: names and lot membership

    public void registered(ProviderRegistered registered) {
        MonitoredProvider provider = lockOrCreate(registered.providerId());
        provider.name = registered.name();
        provider.ofstedUrn = registered.ofstedUrn();
        provider.cqcId = registered.cqcId();
    }

    public void admitted(ProviderAdmittedToLot admitted) {
        MonitoredProvider provider = lockOrCreate(admitted.providerId());
        if (admitted.providerName() != null) {
            provider.name = admitted.providerName();
        }
        provider.admittedTo(admitted.lotId());
    }

    public void suspended(ProviderSuspended suspended) {
        lockOrCreate(suspended.providerId()).suspendedIn(suspended.lotIds());
    }

    public void reinstated(ProviderReinstated reinstated) {
        lockOrCreate(reinstated.providerId()).reinstatedIn(reinstated.lotIds());
    }

    public void withdrawn(ProviderWithdrawn withdrawn) {
        lockOrCreate(withdrawn.providerId()).withdrawnFrom(withdrawn.lotIds());
    }

    // dps.placements: awarded or spot-purchased makes a placement active, ended makes it inactive; started only
    // dates it. A placement is counted once however often its events arrive.

    public void awarded(PlacementAwarded awarded) {
        placed(awarded.placementId(), awarded.providerId(), awarded.council(), null, clock.instant());
    }

    public void spotPurchased(SpotPurchaseMade spot) {
        if (spot.providerId() == null) {
            LOG.infof("Spot purchase %s is with an unregistered provider (%s): nothing to monitor by id",
                    spot.placementId(), spot.providerName());
            return;
        }
        MonitoredProvider provider = placed(spot.placementId(), spot.providerId(), spot.council(), spot.startDate(),
                clock.instant());
        if (provider != null && provider.name == null) {
            provider.name = spot.providerName();
        }
    }

    public void started(PlacementStarted started) {
        ProviderPlacement placement = ProviderPlacement.findById(started.placementId());
        if (placement != null) {
            placement.startedOn = started.startDate();
            placement.changedAt = clock.instant();
        }
    }

    /** @return the provider whose count went up, or null when the placement was known already */
    private MonitoredProvider placed(UUID placementId, UUID providerId, String council, LocalDate startedOn,
            Instant now) {
        if (ProviderPlacement.findById(placementId) != null) {
            return null; // the same placement again (or after it ended): count it once
        }
        MonitoredProvider provider = lockOrCreate(providerId);
        ProviderPlacement placement = new ProviderPlacement();
        placement.placementId = placementId;
        placement.providerId = providerId;
        placement.council = council;
        placement.active = true;
        placement.startedOn = startedOn;
        placement.changedAt = now;
        placement.persist();
        provider.activePlacements++;
        return provider;
    }

    public void ended(PlacementEnded ended) {
        Instant now = clock.instant();
        ProviderPlacement placement = ProviderPlacement.findById(ended.placementId());
        if (placement == null) {
            // ended before we saw it start: remember it so that a late award is not counted
            placement = new ProviderPlacement();
            placement.placementId = ended.placementId();
            placement.providerId = ended.providerId();
            placement.council = ended.council();
            placement.active = false;
            placement.endedOn = ended.endDate();
            placement.changedAt = now;
            placement.persist();
            return;
        }
        if (placement.active) {
            MonitoredProvider provider = lockOrCreate(placement.providerId);
            provider.activePlacements = Math.max(0, provider.activePlacements - 1);
            placement.active = false;
        }
        placement.endedOn = ended.endDate();
        placement.changedAt = now;
    }

    /**
     * The provider's row, created (green, nothing known yet) if this is the first event about it. The insert
     * tolerates a concurrent insert by the other topic's consumer instead of failing on the primary key.
     */
    MonitoredProvider lockOrCreate(UUID providerId) {
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO monitored_provider (provider_id, risk_reasons, rated_since, assessed_at) "
                + "VALUES (?1, CAST(?2 AS jsonb), ?3, ?3) ON CONFLICT (provider_id) DO NOTHING")
                .setParameter(1, providerId)
                .setParameter(2, json(List.of(RiskRules.NO_RISK_FACTORS)))
                .setParameter(3, now)
                .executeUpdate();
        return MonitoredProvider.findById(providerId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
