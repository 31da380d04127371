package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.ExemptionExpiring;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.placement.config.PlacementConfig;
import uk.gov.dps.placement.domain.Exemption;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * Buying off the DPS: only under a recorded, unexpired exemption for the service type, so off-contract spend
 * is always visible. Exemptions close to expiry are listed and announced once.
 */
@ApplicationScoped
public class ExemptionService {

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

    public record NewExemption(String serviceType, String reason, String contractBasis, LocalDate validUntil) {
    }

    public record SpotPurchase(UUID exemptionId, UUID providerId, String providerName, Fee fee,
            String placementPattern, LocalDate startDate, List<FundingShares.Share> fundingShares,
            String childReference, String placementType, String placementProvider, UUID referralId) {
    }

    @Transactional
    public Exemption create(NewExemption request) {
        LocalDate today = today();
        if (request.validUntil().isBefore(today)) {
            throw ProblemException.unprocessable("validUntil " + request.validUntil() + " is in the past.");
        }
        Exemption exemption = new Exemption();
        exemption.id = UUID.randomUUID();
        exemption.council = caller.requirePartnerCouncil();
        exemption.serviceType = request.serviceType();
        exemption.reason = request.reason();
        exemption.contractBasis = request.contractBasis();
        exemption.validUntil = request.validUntil();
        exemption.createdBy = caller.name();
        exemption.createdAt = clock.instant();
        exemption.persist();
        audit.record("exemption", exemption.id, "GRANTED", caller.asActor(), request.reason(),
                Map.of("serviceType", request.serviceType(), "validUntil", request.validUntil().toString()));
        announceIfExpiring(exemption, today);
        return exemption;
    }

    public Exemption get(UUID id) {
        Exemption exemption = Exemption.<Exemption>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Exemption", id));
        caller.requireCouncil(exemption.council);
        return exemption;
    }

    /** The caller's council's exemptions by expiry; with {@code expiringOnly}, those ending within the warning. */
    public List<Exemption> list(boolean expiringOnly, PageRequest page) {
        LocalDate today = today();
        Sort byExpiry = Sort.by("validUntil").and("id");
        var query = expiringOnly
                ? Exemption.<Exemption>find("council = ?1 and validUntil >= ?2 and validUntil <= ?3", byExpiry,
                        caller.requirePartnerCouncil(), today, today.plusDays(config.exemptionWarningDays()))
                : Exemption.<Exemption>find("council", byExpiry, caller.requirePartnerCouncil());
        return query.range(page.first(), page.last()).list();
    }

    @Transactional
    public Placement spotPurchase(SpotPurchase request) {
        Exemption exemption = Exemption.findById(request.exemptionId());
        if (exemption == null || !exemption.council.equals(caller.requirePartnerCouncil())) {
            throw ProblemException.unprocessable("There is no exemption " + request.exemptionId()
                    + " for your council: a spot purchase needs a recorded exemption.");
        }
        LocalDate today = today();
        if (!exemption.validOn(today) || request.startDate().isAfter(exemption.validUntil)) {
            throw ProblemException.unprocessable("Exemption " + exemption.id + " is valid until "
                    + exemption.validUntil + ": it does not cover this purchase.");
        }
        FundingShares.problem(request.fundingShares()).ifPresent(p -> {
            throw ProblemException.badRequest("fundingShares", p);
        });
        if (!"SPECIAL_SCHOOL".equals(exemption.serviceType) && !"WEEKS_52".equals(request.placementPattern())) {
            throw ProblemException.badRequest("placementPattern",
                    "day and 38-week placements are for special schools");
        }
        Referral unmet = request.referralId() == null ? null : unmetReferral(request.referralId());
        Placement placement = new Placement();
        placement.id = UUID.randomUUID();
        placement.council = exemption.council;
        placement.basis = Placement.Basis.SPOT_PURCHASE;
        placement.exemptionId = exemption.id;
        placement.serviceType = exemption.serviceType;
        placement.providerId = request.providerId();
        placement.providerName = request.providerName();
        placement.fee = request.fee();
        placement.placementPattern = request.placementPattern();
        placement.fundingShares = new ArrayList<>(request.fundingShares());
        placement.plannedStart = request.startDate();
        placement.status = Placement.Status.AWARDED;
        placement.awardedAt = clock.instant();
        placement.awardedBy = caller.name();
        PlacementService.recordChild(placement, request.childReference(), ssda903.forNewPlacement(
                exemption.serviceType, request.placementType(), request.placementProvider(), request.startDate()));
        if (unmet != null) {
            placement.referralId = unmet.id;
            unmet.spotPurchaseId = placement.id;
        }
        placement.persist();
        outbox.publish(EventCatalog.SPOT_PURCHASE_MADE, placement.id, new SpotPurchaseMade(placement.id,
                placement.council, exemption.id, null, placement.serviceType, placement.providerId,
                placement.providerName, placement.fee.toEvent(), placement.placementPattern, placement.plannedStart,
                PlacementService.shares(placement), placement.awardedAt, placement.referralId));
        Map<String, Object> bought = new java.util.LinkedHashMap<>();
        bought.put("placementId", placement.id);
        bought.put("provider", placement.providerName);
        bought.put("referralId", placement.referralId);
        audit.record("exemption", exemption.id, "SPOT_PURCHASE", caller.asActor(), null, bought);
        audit.record("placement", placement.id, "SPOT_PURCHASED", caller.asActor(), exemption.reason,
                Map.of("exemptionId", exemption.id, "provider", placement.providerName));
        if (unmet != null) {
            // the unmet referral's trail ends with what answered it
            audit.record("referral", unmet.id, "SPOT_PURCHASED", caller.asActor(), null,
                    Map.of("placementId", placement.id, "exemptionId", exemption.id));
        }
        return placement;
    }

    /** A spot purchase may answer the caller's council's own referral, once it closed unmet and only once. */
    private Referral unmetReferral(UUID referralId) {
        Referral referral = Referral.<Referral>findByIdOptional(referralId)
                .orElseThrow(() -> ProblemException.notFound("Referral", referralId));
        caller.requireCouncil(referral.council);
        if (referral.status != Referral.Status.UNMET) {
            throw ProblemException.conflict("Referral " + referralId + " is " + referral.status
                    + ": only a referral closed unmet can lead to a spot purchase.");
        }
        if (referral.spotPurchaseId != null) {
            throw ProblemException.conflict("Referral " + referralId + " led to spot purchase "
                    + referral.spotPurchaseId + " already.");
        }
        return referral;
    }

    /** Announces each exemption once when it comes within the warning period (hourly; also at creation). */
    @Scheduled(every = "1h", delay = 10, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceExpiring() {
        LocalDate today = today();
        QuarkusTransaction.requiringNew().run(() -> Exemption.<Exemption>find(
                "expiryAnnounced = false and validUntil >= ?1 and validUntil <= ?2", today,
                today.plusDays(config.exemptionWarningDays())).list().forEach(e -> announceIfExpiring(e, today)));
    }

    private void announceIfExpiring(Exemption exemption, LocalDate today) {
        if (exemption.expiryAnnounced || !exemption.expiresWithin(today, config.exemptionWarningDays())) {
            return;
        }
        exemption.expiryAnnounced = true;
        outbox.publish(EventCatalog.EXEMPTION_EXPIRING, exemption.id, new ExemptionExpiring(exemption.id,
                exemption.council, exemption.serviceType, exemption.reason, exemption.contractBasis,
                exemption.validUntil, (int) ChronoUnit.DAYS.between(today, exemption.validUntil)));
    }

    public int warningDays() {
        return config.exemptionWarningDays();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }
}
