package uk.gov.dps.spend.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.messaging.PoisonEventException;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.spend.domain.FundingSplit;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.PlacementPattern;
import uk.gov.dps.spend.domain.PlacementTerms;
import uk.gov.dps.spend.domain.TrackedPlacement;

/**
 * Applies placement-service's events on {@code dps.placements} (each once, in the inbox's transaction): keeps each
 * placement's terms, then replaces the placement's figures in the ledger and checks the budgets and contracts they
 * moved. Applying an event twice leaves the same terms, and unchanged terms write nothing, so duplicates are
 * harmless even with new ids.
 */
@ApplicationScoped
public class PlacementProjection {

    @Inject
    CommitmentLedger ledger;

    @Inject
    AlertService alerts;

    @Inject
    InvoiceService invoices;

    @Inject
    Positions positions;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    PartnerCouncils partners;

    @Transactional(Transactional.TxType.MANDATORY)
    public void started(PlacementStarted started) {
        TrackedPlacement placement = known(started.placementId(), started.council());
        PlacementTerms before = placement.terms();
        placement.startDate = required(started.startDate(), "startDate");
        update(placement, before, false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void feeChanged(PlacementFeeChanged changed) {
        TrackedPlacement placement = known(changed.placementId(), changed.council());
        PlacementTerms before = placement.terms();
        placement.changeFee(required(changed.effectiveFrom(), "effectiveFrom"), weeklyPence(changed.weeklyFee()));
        update(placement, before, false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(PlacementEnded ended) {
        TrackedPlacement placement = known(ended.placementId(), ended.council());
        PlacementTerms before = placement.terms();
        placement.endDate = required(ended.endDate(), "endDate");
        update(placement, before, false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awarded(PlacementAwarded award) {
        UUID id = required(award.placementId(), "placementId");
        TrackedPlacement placement = TrackedPlacement.findById(id);
        boolean isNew = placement == null;
        PlacementTerms before = isNew ? null : placement.terms();
        if (isNew) {
            placement = new TrackedPlacement();
            placement.id = id;
        }
        String council = council(award.council(), placement);
        UUID lot = required(award.lotId(), "lotId");
        UUID provider = required(award.providerId(), "providerId");
        placement.council = council;
        placement.lotId = lot;
        placement.lotKey = lot;
        placement.providerId = provider;
        placement.providerKey = provider;
        placement.serviceType = required(award.serviceType(), "serviceType");
        placement.pattern = pattern(award.placementPattern());
        placement.offContract = false;
        placement.plannedStart = required(award.plannedStart(), "plannedStart");
        placement.expectedEnd = award.expectedEnd();
        placement.weeklyFeePence = weeklyPence(award.weeklyFee());
        placement.setSplit(split(award.fundingShares()));
        update(placement, before, isNew);
        label(placement, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void spotPurchased(SpotPurchaseMade spot) {
        UUID id = required(spot.placementId(), "placementId");
        TrackedPlacement placement = TrackedPlacement.findById(id);
        boolean isNew = placement == null;
        PlacementTerms before = isNew ? null : placement.terms();
        if (isNew) {
            placement = new TrackedPlacement();
            placement.id = id;
        }
        String serviceType = required(spot.serviceType(), "serviceType");
        String providerName = spot.providerName();
        if (spot.providerId() == null && (providerName == null || providerName.isBlank())) {
            throw new PoisonEventException("a spot purchase names neither a provider id nor a provider name");
        }
        placement.council = council(spot.council(), placement);
        placement.lotId = spot.lotId();
        // bought outside any lot: grouped by service type, so off-DPS residential is not mixed with off-DPS IFA
        placement.lotKey = spot.lotId() != null ? spot.lotId() : stableKey("no-lot:" + serviceType);
        placement.providerId = spot.providerId();
        placement.providerKey = spot.providerId() != null ? spot.providerId()
                : stableKey("provider-name:" + providerName.strip().toLowerCase(Locale.ROOT));
        placement.serviceType = serviceType;
        placement.pattern = pattern(spot.placementPattern());
        placement.offContract = true;
        placement.plannedStart = required(spot.startDate(), "startDate");
        placement.weeklyFeePence = weeklyPence(spot.weeklyFee());
        placement.setSplit(split(spot.fundingShares()));
        update(placement, before, isNew);
        label(placement, providerName);
    }

    private void update(TrackedPlacement placement, PlacementTerms before, boolean isNew) {
        placement.refreshHorizon(positions.today());
        placement.updatedAt = clock.instant();
        PlacementTerms after = placement.terms();
        if (isNew) {
            placement.persist();
        } else if (!after.equals(before)) {
            invoices.termsChanged(placement);
        }
        alerts.check(ledger.replace(before, after));
    }

    private static TrackedPlacement known(UUID placementId, String council) {
        TrackedPlacement placement = TrackedPlacement.findById(required(placementId, "placementId"));
        if (placement == null) {
            // events of a placement share its key, so its award or spot purchase comes first on the topic
            throw new PoisonEventException("placement " + placementId + " was never awarded or spot-purchased");
        }
        if (!placement.council.equals(council)) {
            throw new PoisonEventException("placement " + placementId + " belongs to " + placement.council + ", not "
                    + council);
        }
        return placement;
    }

    private String council(String council, TrackedPlacement existing) {
        if (!partners.isPartner(council)) {
            throw new PoisonEventException("not a partner council: " + council);
        }
        if (existing.council != null && !existing.council.equals(council)) {
            throw new PoisonEventException("placement " + existing.id + " belongs to " + existing.council + ", not "
                    + council);
        }
        return council;
    }

    private static PlacementPattern pattern(String pattern) {
        try {
            return PlacementPattern.valueOf(required(pattern, "placementPattern"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("unknown placement pattern " + pattern);
        }
    }

    /** The weekly total in pence; a fee in fractions of a penny or below zero can never be applied. */
    static long weeklyPence(WeeklyFee fee) {
        required(fee, "weeklyFee");
        BigDecimal total = fee.total();
        if (total == null) {
            total = List.of(fee.core(), fee.additionalStaffing(), fee.education(), fee.therapy()).stream()
                    .map(item -> item == null ? BigDecimal.ZERO : item).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (total.signum() < 0) {
            throw new PoisonEventException("a weekly fee cannot be negative: " + total);
        }
        try {
            return Money.pence(total);
        } catch (ArithmeticException e) {
            throw new PoisonEventException("a weekly fee has whole pence only: " + total);
        }
    }

    static FundingSplit split(List<FundingShare> shares) {
        if (shares == null || shares.isEmpty()) {
            throw new PoisonEventException("a placement needs funding shares");
        }
        Map<FundingStream, BigDecimal> percentages = new EnumMap<>(FundingStream.class);
        try {
            for (FundingShare share : shares) {
                FundingStream stream = FundingStream.valueOf(required(share.stream(), "fundingShares.stream"));
                if (percentages.put(stream, required(share.percent(), "fundingShares.percent")) != null) {
                    throw new PoisonEventException(stream + " appears twice in the funding shares");
                }
            }
            return FundingSplit.ofPercentages(percentages);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new PoisonEventException("funding shares cannot be applied: " + e.getMessage());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new PoisonEventException("the event has no " + field);
        }
        return value;
    }

    private static UUID stableKey(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Remembers what a lot key and a provider key stand for, for the spend report. */
    private void label(TrackedPlacement placement, String providerName) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lot = connection.prepareStatement("""
                    INSERT INTO lot_label (lot_key, lot_id, service_type) VALUES (?, ?, ?)
                    ON CONFLICT (lot_key) DO UPDATE SET service_type = EXCLUDED.service_type""");
                    PreparedStatement provider = connection.prepareStatement("""
                            INSERT INTO provider_label (provider_key, provider_id, name)
                            VALUES (?, ?, CAST(? AS text))
                            ON CONFLICT (provider_key) DO UPDATE
                            SET name = coalesce(EXCLUDED.name, provider_label.name)""")) {
                lot.setObject(1, placement.lotKey);
                lot.setObject(2, placement.lotId);
                lot.setString(3, placement.serviceType);
                lot.executeUpdate();
                provider.setObject(1, placement.providerKey);
                provider.setObject(2, placement.providerId);
                provider.setString(3, providerName == null || providerName.isBlank() ? null : providerName.strip());
                provider.executeUpdate();
            }
        });
    }
}
