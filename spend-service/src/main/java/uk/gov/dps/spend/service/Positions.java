package uk.gov.dps.spend.service;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
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

    @Inject
    EntityManager em;

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
        return new Position(line.amountPence, between.cost, between.spent, actuals(scope, from, to));
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

    /**
     * The invoices of {@code scope}'s council, year and stream (and lot, providers, on/off contract) whose period
     * starts between {@code from} and {@code to}: paid, invoiced not paid, and what the commitment puts on their
     * days. Disputed invoices count for nothing.
     */
    private Position.Actuals actuals(Scope scope, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("""
                SELECT coalesce(sum(coalesce((amount_shares ->> ?)::bigint, 0)) FILTER (WHERE status = 'PAID'), 0),
                       coalesce(sum(coalesce((amount_shares ->> ?)::bigint, 0))
                                FILTER (WHERE status IN ('SUBMITTED', 'APPROVED')), 0),
                       coalesce(sum(coalesce((commitment_shares ->> ?)::bigint, 0))
                                FILTER (WHERE status <> 'DISPUTED'), 0)
                FROM invoice WHERE council = ? AND financial_year = ? AND period_from BETWEEN ? AND ?""");
        String stream = scope.stream().name();
        List<Object> parameters = new ArrayList<>(List.of(stream, stream, stream, scope.council(),
                scope.financialYear(), Date.valueOf(from), Date.valueOf(to)));
        if (scope.lotKey() != null) {
            sql.append(" AND lot_key = ?");
            parameters.add(scope.lotKey());
        }
        if (scope.providerKeys() != null) {
            sql.append(" AND provider_key = ANY(?)");
            parameters.add(scope.providerKeys());
        }
        if (scope.offContract() != null) {
            sql.append(" AND off_contract = ?");
            parameters.add(scope.offContract());
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    if (parameters.get(i) instanceof java.util.Collection<?> ids) {
                        select.setArray(i + 1, connection.createArrayOf("uuid", ids.toArray()));
                    } else {
                        select.setObject(i + 1, parameters.get(i));
                    }
                }
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Position.Actuals(row.getLong(1), row.getLong(2), row.getLong(3));
                }
            }
        });
    }

    /** A council's invoices for a financial year, per funding stream (as a budget line's actuals). */
    public Map<FundingStream, Position.Actuals> actualsByStream(String council, FinancialYear year) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT stream, sum(paid), sum(unpaid), sum(invoiced_commitment) FROM (
                        SELECT a.key AS stream,
                               CASE WHEN status = 'PAID' THEN a.value::bigint ELSE 0 END AS paid,
                               CASE WHEN status IN ('SUBMITTED', 'APPROVED') THEN a.value::bigint ELSE 0 END AS unpaid,
                               0 AS invoiced_commitment
                        FROM invoice, jsonb_each_text(amount_shares) a WHERE council = ? AND financial_year = ?
                        UNION ALL
                        SELECT c.key, 0, 0, CASE WHEN status <> 'DISPUTED' THEN c.value::bigint ELSE 0 END
                        FROM invoice, jsonb_each_text(commitment_shares) c WHERE council = ? AND financial_year = ?
                    ) x GROUP BY stream""")) {
                select.setString(1, council);
                select.setInt(2, year.startYear());
                select.setString(3, council);
                select.setInt(4, year.startYear());
                Map<FundingStream, Position.Actuals> byStream = new EnumMap<>(FundingStream.class);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        byStream.put(FundingStream.valueOf(rows.getString(1)),
                                new Position.Actuals(rows.getLong(2), rows.getLong(3), rows.getLong(4)));
                    }
                }
                return byStream;
            }
        });
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
