package uk.gov.dps.provider.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.provider.ProviderExcluded;
import uk.gov.dps.events.provider.ProviderExclusionEnded;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.DpsRegime;
import uk.gov.dps.provider.domain.Exclusion;
import uk.gov.dps.provider.domain.LotView;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * Procurement Act 2023 exclusions: recorded by a partner council's commissioner, ended early with a reason, and the
 * admission rule they impose on dynamic markets. Under PCR 2015 and the light-touch regime the exclusion is only
 * recorded: those regimes have their own exclusion grounds (PCR 2015 reg. 57), which the commissioner applies when
 * deciding the application, and the domain brief gives them no automatic bar.
 */
@ApplicationScoped
public class ExclusionService {

    @Inject
    ProviderService providers;

    @Inject
    MembershipService memberships;

    @Inject
    LotCatalogue lots;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record NewExclusion(Exclusion.Ground ground, String reason, LocalDate startsOn, LocalDate endsOn,
            String debarmentReference) {
    }

    /** Keeps each DPS's regime from lot-service's announcement: admission rules depend on it. */
    public void established(PurchasingSystemEstablished established) {
        DpsRegime existing = DpsRegime.findById(established.dpsId());
        DpsRegime dps = existing != null ? existing : new DpsRegime();
        dps.dpsId = established.dpsId();
        dps.regime = established.regime();
        if (existing == null) {
            dps.persist();
        }
    }

    /**
     * Records the exclusion. A dynamic market (PA2023) removes excluded suppliers, so where it applies today the
     * provider is suspended from its PA2023 lots through the ordinary suspension (no new call-off invitations);
     * membership itself ends only by a commissioner's withdrawal, and lifting the suspension stays a person's call.
     */
    @Transactional
    public Exclusion exclude(UUID providerId, NewExclusion request, String council, AuditTrail.Actor actor) {
        Provider provider = providers.get(providerId);
        Exclusion.periodProblem(request.startsOn(), request.endsOn()).ifPresent(p -> {
            throw ProblemException.badRequest("endsOn", p);
        });
        LocalDate today = today();
        if (request.endsOn().isBefore(today)) {
            throw ProblemException.badRequest("endsOn", "must not be in the past: an exclusion that has run its "
                    + "course changes nothing");
        }
        Exclusion exclusion = new Exclusion();
        exclusion.id = UUID.randomUUID();
        exclusion.providerId = provider.id;
        exclusion.ground = request.ground();
        exclusion.section = request.ground().section;
        exclusion.reason = request.reason().strip();
        exclusion.startsOn = request.startsOn();
        exclusion.endsOn = request.endsOn();
        exclusion.debarmentReference = blankToNull(request.debarmentReference());
        exclusion.recordedBy = actor.name();
        exclusion.recordedCouncil = council;
        exclusion.recordedAt = clock.instant();
        exclusion.persist();

        List<UUID> pa2023Lots = exclusion.appliesOn(today) ? activePa2023Lots(provider.id) : List.of();
        outbox.publish(EventCatalog.PROVIDER_EXCLUDED, provider.id, new ProviderExcluded(exclusion.id, provider.id,
                exclusion.ground.name(), exclusion.section, exclusion.reason, exclusion.startsOn, exclusion.endsOn,
                exclusion.debarmentReference, council, pa2023Lots, exclusion.recordedAt));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exclusionId", exclusion.id);
        details.put("section", exclusion.section);
        details.put("startsOn", exclusion.startsOn.toString());
        details.put("endsOn", exclusion.endsOn.toString());
        if (exclusion.debarmentReference != null) {
            details.put("debarmentReference", exclusion.debarmentReference);
        }
        audit.record("provider", provider.id, "EXCLUDED", actor, exclusion.reason, details);
        for (UUID lotId : pa2023Lots) {
            memberships.suspend(provider.id, Optional.of(lotId), "Excluded supplier (" + exclusion.rule() + "): "
                    + exclusion.reason, false, actor);
        }
        return exclusion;
    }

    @Transactional
    public Exclusion end(UUID providerId, UUID exclusionId, String reason, AuditTrail.Actor actor) {
        providers.get(providerId);
        Exclusion exclusion = Exclusion.findById(exclusionId);
        if (exclusion == null || !exclusion.providerId.equals(providerId)) {
            throw ProblemException.notFound("Exclusion", exclusionId);
        }
        try {
            exclusion.end(today(), reason.strip(), actor.name());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        outbox.publish(EventCatalog.PROVIDER_EXCLUSION_ENDED, providerId, new ProviderExclusionEnded(exclusion.id,
                providerId, exclusion.endReason, exclusion.endedOn, clock.instant()));
        audit.record("provider", providerId, "EXCLUSION_ENDED", actor, exclusion.endReason,
                Map.of("exclusionId", exclusion.id, "endedOn", exclusion.endedOn.toString()));
        return exclusion;
    }

    public List<Exclusion> of(UUID providerId) {
        providers.get(providerId);
        return Exclusion.list("providerId = ?1 order by startsOn, recordedAt, id", providerId);
    }

    /**
     * 422 naming the rule when {@code lot}'s DPS is a Procurement Act 2023 dynamic market and the provider is
     * excluded today: an excluded supplier cannot be admitted (PA2023 s.57; s.58 once the council excludes).
     */
    public void checkMayBeAdmitted(UUID providerId, LotView lot) {
        if (!DpsRegime.isPa2023(lot.dpsId)) {
            return;
        }
        LocalDate today = today();
        Exclusion.<Exclusion>list("providerId", providerId).stream().filter(e -> e.appliesOn(today)).findFirst()
                .ifPresent(e -> {
                    throw ProblemException.unprocessable(e.rule() + ": the provider is an excluded supplier until "
                            + e.endsOn + " (exclusion " + e.id + "); it cannot be admitted to lot " + lot.code
                            + " of a dynamic market.");
                });
    }

    private List<UUID> activePa2023Lots(UUID providerId) {
        return Membership.<Membership>list("providerId = ?1 and status = ?2", providerId, Membership.Status.ACTIVE)
                .stream().filter(m -> DpsRegime.isPa2023(lots.get(m.lotId).dpsId)).map(m -> m.lotId).sorted()
                .toList();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
