package uk.gov.dps.spend.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.Position;
import uk.gov.dps.spend.service.CommitmentLedger.Scope;

/**
 * Budget and contract figures, read from the ledger's running totals: the cost between two days is the total on
 * the later day minus the total the day before the earlier one, so a position is a few index lookups.
 */
@ApplicationScoped
public class Positions {

    @Inject
    CommitmentLedger ledger;

    @Inject
    Clock clock;

    /** Today in the UK, by the platform clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    /** A contract's commitment over its whole period: on contract, and what its providers were paid off contract. */
    public record ContractPosition(long value, long committed, long spentToDate, long offContractCommitted) {
    }

    public Position of(BudgetLine line) {
        FinancialYear year = line.year();
        LocalDate from = year.firstDay();
        LocalDate to = year.lastDay();
        Scope scope = new Scope(line.council, line.financialYear, line.fundingStream, line.lotId, null, null);
        if (line.contractId != null) {
            Contract contract = Contract.findById(line.contractId);
            from = later(from, contract.startDate);
            to = earlier(to, contract.endDate);
            scope = new Scope(line.council, line.financialYear, line.fundingStream, contract.lotId,
                    Arrays.asList(contract.providerIds), false);
        }
        Between between = between(scope, from, to, today());
        return new Position(line.amountPence, between.cost, between.spent);
    }

    public ContractPosition of(Contract contract) {
        Scope onContract = new Scope(contract.council, null, null, contract.lotId, Arrays.asList(contract.providerIds),
                false);
        Scope offContract = new Scope(contract.council, null, null, contract.lotId,
                Arrays.asList(contract.providerIds), true);
        LocalDate today = today();
        long committed = 0;
        long spent = 0;
        long off = 0;
        // the running totals restart every 1 April: sum the contract's part of each year
        for (FinancialYear year = FinancialYear.of(contract.startDate); year.compareTo(
                FinancialYear.of(contract.endDate)) <= 0; year = year.next()) {
            LocalDate from = later(year.firstDay(), contract.startDate);
            LocalDate to = earlier(year.lastDay(), contract.endDate);
            Between on = between(onContract, from, to, today);
            committed += on.cost;
            spent += on.spent;
            off += between(offContract, from, to, today).cost;
        }
        return new ContractPosition(contract.valuePence, committed, spent, off);
    }

    private record Between(long cost, long spent) {
    }

    /** Cost of {@code scope} from {@code from} to {@code to} (one financial year), and of it up to today. */
    private Between between(Scope scope, LocalDate from, LocalDate to, LocalDate today) {
        if (from.isAfter(to)) {
            return new Between(0, 0);
        }
        FinancialYear year = FinancialYear.of(from);
        LocalDate dayBefore = from.minusDays(1);
        boolean fromYearStart = !year.contains(dayBefore);
        LocalDate spentTo = earlier(today, to);
        boolean anySpent = !spentTo.isBefore(from);
        Set<LocalDate> days = new LinkedHashSet<>();
        days.add(to);
        if (!fromYearStart) {
            days.add(dayBefore);
        }
        if (anySpent) {
            days.add(spentTo);
        }
        Map<LocalDate, Long> totals = ledger.totalsOn(withYear(scope, year), days);
        long before = fromYearStart ? 0 : totals.getOrDefault(dayBefore, 0L);
        long cost = totals.getOrDefault(to, 0L) - before;
        long spent = anySpent ? totals.getOrDefault(spentTo, 0L) - before : 0;
        return new Between(cost, spent);
    }

    private static Scope withYear(Scope scope, FinancialYear year) {
        return new Scope(scope.council(), year.startYear(), scope.stream(), scope.lotKey(), scope.providerKeys(),
                scope.offContract());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
