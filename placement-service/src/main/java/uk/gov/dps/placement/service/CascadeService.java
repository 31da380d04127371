package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.placement.domain.Projections.LotMember;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.placement.domain.Tiers;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.ServiceMetrics;

/**
 * Moves cascading call-offs on: when a tier's window closes without an offer, the next tier is invited with
 * a window of its own; when offers came in, or no tier is left, the cascade stops.
 */
@ApplicationScoped
@Startup // its business counter is registered (at 0) when the service starts
public class CascadeService {

    private static final Logger LOG = Logger.getLogger(CascadeService.class);

    @Inject
    ReferralService referrals;

    @Inject
    MarketView market;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ServiceMetrics serviceMetrics;

    /** {@code dps_calloff_windows_closed_without_offer_total}: a tier's response window closed and nobody offered. */
    private Counter closedWithoutOffer;

    @Inject
    void metrics(MeterRegistry metrics) {
        // registered at start, so the series exists (at 0) before the first window closes
        closedWithoutOffer = Counter.builder("dps.calloff.windows.closed.without.offer")
                .description("Cascading call-off response windows that closed with no offer from the tier invited")
                .register(metrics);
    }

    @Scheduled(every = "${dps.placement.cascade-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advanceClosedWindows() {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Referral.<Referral>find(
                "status = ?1 and cascadeTier is not null and respondBy < ?2", Referral.Status.CALLED_OFF, now)
                .page(0, 100).list().stream().map(r -> r.id).toList());
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> advance(id));
            } catch (RuntimeException e) {
                if (e instanceof OptimisticLockException || e.getCause() instanceof OptimisticLockException) {
                    continue; // another replica moved it on
                }
                LOG.errorf(e, "could not move the cascade of referral %s on", id);
            }
        }
    }

    /** Moves one call-off's cascade on if its window has closed; must run in a transaction. */
    public void advance(UUID referralId) {
        Referral referral = Referral.findById(referralId);
        Instant now = clock.instant();
        if (referral.status != Referral.Status.CALLED_OFF || referral.cascadeTier == null
                || !now.isAfter(referral.respondBy)) {
            return;
        }
        if (Response.count("referralId = ?1 and kind = ?2", referralId, Response.Kind.OFFER) > 0) {
            String tier = referral.cascadeTier;
            referral.openCascadeWindow(null, now);
            audit.record("referral", referralId, "CASCADE_STOPPED", AuditTrail.SYSTEM,
                    "offers received in " + tier + "'s window: evaluate them", null);
            return;
        }
        serviceMetrics.incrementAfterCommit(closedWithoutOffer);
        List<LotMember> eligible = market.invitees(referral.lotId, referral.category).stream()
                .filter(m -> Invitation.findById(new Invitation.Key(referralId, m.providerId)) == null).toList();
        String next = Tiers.after(referral.cascadeTier, eligible);
        referral.openCascadeWindow(next, now);
        if (next == null) {
            audit.record("referral", referralId, "CASCADE_ENDED", AuditTrail.SYSTEM, "no tier left to invite", null);
            return;
        }
        List<Invitation> invited = referrals.invite(referral,
                eligible.stream().filter(m -> Tiers.of(m).equals(next)).toList(), now);
        audit.record("referral", referralId, "CASCADED", AuditTrail.SYSTEM, "no offer in the previous tier's window",
                Map.of("tier", next, "invited", invited.stream().map(i -> i.providerId).toList()));
    }
}
