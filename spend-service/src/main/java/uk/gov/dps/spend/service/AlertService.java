package uk.gov.dps.spend.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.spend.ThresholdCrossed;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ServiceMetrics;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.ThresholdAlert;
import uk.gov.dps.spend.domain.ThresholdAlert.SubjectType;
import uk.gov.dps.spend.domain.Thresholds;

/**
 * Raises an alert, once, when a budget's forecast or a contract's commitment goes over a threshold, and clears it
 * when the amount falls back below; a later crossing raises a new one. Each alert is published as
 * {@code dps.spend.threshold-crossed.v1} through the outbox, in the transaction that recorded it.
 * <p>
 * The budget line or contract is locked while it is checked, so an event and a budget revision checking the same
 * line one after the other never both raise the same crossing.
 */
@ApplicationScoped
@Startup // its business counter is registered (at 0) when the service starts
public class AlertService {

    @Inject
    Positions positions;

    @Inject
    Thresholds thresholds;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ServiceMetrics serviceMetrics;

    /** {@code dps_spend_threshold_alerts_raised_total{subject="budget"|"contract"}}, each at 0 from the start. */
    private final Map<SubjectType, Counter> raised = new EnumMap<>(SubjectType.class);

    @Inject
    void metrics(MeterRegistry metrics) {
        for (SubjectType type : SubjectType.values()) {
            raised.put(type, Counter.builder("dps.spend.threshold.alerts.raised")
                    .description("Spend alerts raised: a budget's forecast or a contract's commitment crossed a threshold")
                    .tag("subject", type.name().toLowerCase(Locale.ROOT)).register(metrics));
        }
    }

    /** Checks the budget lines and contracts a ledger change may have moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(CommitmentLedger.Affected affected) {
        for (CommitmentLedger.BudgetKey key : affected.budgets()) {
            BudgetLine.<BudgetLine>find("council = ?1 and financialYear = ?2 and fundingStream = ?3",
                    Sort.by("id"), key.council(), key.financialYear(), key.stream())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(this::checkLocked);
        }
        for (CommitmentLedger.LotOfCouncil lot : affected.lots()) {
            Contract.<Contract>find("council = ?1 and lotId = ?2", Sort.by("id"), lot.council(), lot.lotKey())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(this::checkLocked);
        }
    }

    /** Checks one budget line; the caller holds its row lock (or has just created it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkLocked(BudgetLine line) {
        long forecast = positions.of(line).forecastOutturn();
        check(SubjectType.BUDGET, line.id, line.council, line.name, line.financialYear, forecast, line.amountPence);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void checkLocked(Contract contract) {
        long committed = positions.of(contract).committed();
        LocalDate today = positions.today();
        LocalDate within = today.isBefore(contract.startDate) ? contract.startDate
                : today.isAfter(contract.endDate) ? contract.endDate : today;
        check(SubjectType.CONTRACT, contract.id, contract.council, contract.name,
                FinancialYear.of(within).startYear(), committed, contract.valuePence);
    }

    private void check(SubjectType type, UUID subjectId, String council, String name, int financialYear, long amount,
            long limit) {
        List<Integer> over = thresholds.exceeded(amount, limit);
        List<ThresholdAlert> active = ThresholdAlert.list("subjectType = ?1 and subjectId = ?2 and clearedAt is null",
                type, subjectId);
        for (ThresholdAlert alert : active) {
            if (!over.contains(alert.thresholdPercent)) {
                alert.clearedAt = clock.instant();
            }
        }
        for (int percent : over) {
            if (active.stream().noneMatch(a -> a.thresholdPercent == percent)) {
                raise(type, subjectId, council, name, financialYear, percent, amount, limit);
            }
        }
    }

    private void raise(SubjectType type, UUID subjectId, String council, String name, int financialYear, int percent,
            long amount, long limit) {
        ThresholdAlert alert = new ThresholdAlert();
        alert.id = UUID.randomUUID();
        alert.council = council;
        alert.subjectType = type;
        alert.subjectId = subjectId;
        alert.name = name;
        alert.financialYear = financialYear;
        alert.thresholdPercent = percent;
        alert.amountPence = amount;
        alert.limitPence = limit;
        alert.crossedAt = clock.instant();
        alert.persist();
        serviceMetrics.incrementAfterCommit(raised.get(type));
        outbox.publish(EventCatalog.THRESHOLD_CROSSED, subjectId, new ThresholdCrossed(alert.id, council, type.name(),
                subjectId, name, financialYear, percent, Money.pounds(amount), Money.pounds(limit), alert.crossedAt));
    }

    /** A council's alerts, newest first; {@code active} empty for all. */
    public List<ThresholdAlert> list(String council, Optional<Boolean> active, PageRequest page) {
        Sort newestFirst = Sort.descending("crossedAt").and("id");
        Parameters parameters = Parameters.with("council", council);
        String query = active.map(a -> a ? "council = :council and clearedAt is null"
                : "council = :council and clearedAt is not null").orElse("council = :council");
        return ThresholdAlert.<ThresholdAlert>find(query, newestFirst, parameters).range(page.first(), page.last())
                .list();
    }
}
