package uk.gov.dps.spend.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.PlacementTerms;
import uk.gov.dps.spend.domain.TermCalendar;
import uk.gov.dps.spend.domain.TrackedPlacement;

/**
 * Keeps the ledger true over time. At start: if the rules or the term calendar changed since the ledger was
 * filled, it is rebuilt from the tracked placements (old figures can only be taken out with the rules that put them
 * in). Every {@code dps.spend.roll-forward-interval}: open-ended placements are carried into the next financial year
 * once a new one begins.
 */
@ApplicationScoped
public class LedgerMaintenance {

    private static final Logger LOG = Logger.getLogger(LedgerMaintenance.class);

    /** Change this when a commitment rule changes: the ledger is then rebuilt at the next start. */
    static final String RULES_VERSION = "commitment-rules-1";

    private static final int BATCH = 500;

    @Inject
    CommitmentLedger ledger;

    @Inject
    AlertService alerts;

    @Inject
    InvoiceService invoices;

    @Inject
    Positions positions;

    @Inject
    TermCalendar calendar;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(this::rebuildIfBasisChanged);
    }

    public void rebuildIfBasisChanged() {
        String fingerprint = fingerprint();
        String stored = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT fingerprint FROM ledger_basis WHERE id = 1 FOR UPDATE")) {
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
        if (fingerprint.equals(stored)) {
            return;
        }
        LOG.infof("The commitment rules or term calendar changed (%s -> %s): rebuilding the ledger", stored,
                fingerprint);
        ledger.clearForRebuild();
        CommitmentLedger.Affected affected = CommitmentLedger.Affected.none();
        for (int page = 0;; page++) {
            // a key at a time: placements of one council, lot and provider share their ledger rows
            List<TrackedPlacement> placements = TrackedPlacement.<TrackedPlacement>findAll(
                    Sort.by("council").and("lotKey").and("providerKey").and("id")).page(Page.of(page, BATCH)).list();
            CommitmentLedger.Changes changes = ledger.changes();
            placements.forEach(p -> changes.add(p.terms(), +1));
            affected.with(ledger.write(changes));
            if (placements.size() < BATCH) {
                break;
            }
            em.clear();
        }
        // what the commitment puts on invoiced days was worked out with the old calendar too
        TrackedPlacement.<TrackedPlacement>stream("id in (select i.placementId from Invoice i)")
                .forEach(invoices::termsChanged);
        alerts.check(affected);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ledger_basis (id, fingerprint) "
                    + "VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint")) {
                upsert.setString(1, fingerprint);
                upsert.executeUpdate();
            }
        });
    }

    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((RULES_VERSION + "|" + calendar.fingerprint()).getBytes(StandardCharsets.UTF_8));
            return RULES_VERSION + ":" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${dps.spend.roll-forward-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rollForward() {
        rollForwardAsOf(positions.today());
    }

    /**
     * Carries open-ended placements whose figures stop before the financial year after {@code today}'s into it, a
     * batch per transaction.
     *
     * @return how many placements were carried forward
     */
    public int rollForwardAsOf(LocalDate today) {
        int target = FinancialYear.of(today).next().startYear();
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> rollForwardBatch(today, target));
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    private int rollForwardBatch(LocalDate today, int target) {
        List<TrackedPlacement> open = TrackedPlacement.<TrackedPlacement>find("endDate is null and horizonYear < ?1",
                Sort.by("horizonYear").and("council").and("lotKey").and("providerKey").and("id"), target)
                .page(Page.ofSize(BATCH)).list();
        CommitmentLedger.Changes changes = ledger.changes();
        for (TrackedPlacement placement : open) {
            FinancialYear from = new FinancialYear(placement.horizonYear).next();
            placement.refreshHorizon(today);
            PlacementTerms terms = placement.terms();
            for (FinancialYear year = from; year.compareTo(terms.horizon()) <= 0; year = year.next()) {
                changes.addYear(terms, year, +1);
            }
        }
        alerts.check(ledger.write(changes));
        return open.size();
    }
}
