package uk.gov.dps.spend.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.PlacementTerms;
import uk.gov.dps.spend.domain.TermCalendar;
import uk.gov.dps.spend.domain.YearCharges;

/**
 * The running totals positions and reports read: {@code cumulative_charge} (per council, year, stream, day, lot,
 * provider and on/off contract: the cost from 1 April to that day) and {@code lot_year_total}.
 * <p>
 * A placement's figures go in and out as a difference: {@link #replace} subtracts what its old terms cost and adds
 * what its new terms cost, day by day. Unchanged terms (a duplicate event) write nothing. Every write takes a
 * shared advisory lock, a rebuild takes it exclusively, so a rebuild never interleaves with events.
 */
@ApplicationScoped
public class CommitmentLedger {

    /** Advisory lock key of the ledger ("SPEND"). */
    private static final long LEDGER_LOCK = 0x5350454E44L;

    @Inject
    EntityManager em;

    @Inject
    TermCalendar calendar;

    /** A budget line's key: which lines an event may have moved. */
    public record BudgetKey(String council, int financialYear, FundingStream stream) {
    }

    /** A lot of a council: which contracts an event may have moved. */
    public record LotOfCouncil(String council, UUID lotKey) {
    }

    /** What a change touched, so that only those budgets and contracts are checked against their thresholds. */
    public record Affected(Set<BudgetKey> budgets, Set<LotOfCouncil> lots) {

        public static Affected none() {
            return new Affected(new LinkedHashSet<>(), new LinkedHashSet<>());
        }

        public Affected with(Affected other) {
            budgets.addAll(other.budgets);
            lots.addAll(other.lots);
            return this;
        }

        public boolean isEmpty() {
            return budgets.isEmpty() && lots.isEmpty();
        }
    }

    /** What to sum: null fields are not filtered on. */
    public record Scope(String council, Integer financialYear, FundingStream stream, UUID lotKey,
            Collection<UUID> providerKeys, Boolean offContract) {
    }

    /** One row of the report's breakdown for a council and year. */
    public record KeyFigures(FundingStream stream, UUID lotKey, UUID providerKey, boolean offContract, long committed,
            long spentToDate) {
    }

    public record LotYear(UUID lotKey, boolean offContract, long committed, long weekUnits, int placements) {
    }

    record ChargeKey(String council, int financialYear, FundingStream stream, UUID lotKey, UUID providerKey,
            boolean offContract) {
    }

    record LotYearKey(String council, int financialYear, UUID lotKey, boolean offContract) {
    }

    // a fixed order of writing keeps two writers from deadlocking on the same rows
    private static final Comparator<ChargeKey> WRITE_ORDER = Comparator.comparing(ChargeKey::council)
            .thenComparingInt(ChargeKey::financialYear).thenComparing(ChargeKey::stream)
            .thenComparing(ChargeKey::lotKey).thenComparing(ChargeKey::providerKey)
            .thenComparing(ChargeKey::offContract);
    private static final Comparator<LotYearKey> LOT_WRITE_ORDER = Comparator.comparing(LotYearKey::council)
            .thenComparingInt(LotYearKey::financialYear).thenComparing(LotYearKey::lotKey)
            .thenComparing(LotYearKey::offContract);

    /** Differences to write, accumulated over one or many placements. */
    public final class Changes {

        private final Map<ChargeKey, long[]> daily = new TreeMap<>(WRITE_ORDER);
        private final Map<LotYearKey, long[]> lotYears = new TreeMap<>(LOT_WRITE_ORDER);

        public void add(PlacementTerms terms, int sign) {
            for (FinancialYear year : terms.years()) {
                addYear(terms, year, sign);
            }
        }

        public void addYear(PlacementTerms terms, FinancialYear year, int sign) {
            PlacementTerms.Booking booking = terms.booking();
            YearCharges charges = terms.chargesIn(year, calendar);
            for (FundingStream stream : charges.streams()) {
                long[] pence = charges.dailyPence(stream);
                ChargeKey key = new ChargeKey(booking.council(), year.startYear(), stream, booking.lotKey(),
                        booking.providerKey(), booking.offContract());
                long[] sum = daily.computeIfAbsent(key, k -> new long[year.length()]);
                for (int i = 0; i < pence.length; i++) {
                    sum[i] += sign * pence[i];
                }
            }
            if (charges.weekUnits() > 0) {
                long[] sum = lotYears.computeIfAbsent(new LotYearKey(booking.council(), year.startYear(),
                        booking.lotKey(), booking.offContract()), k -> new long[3]);
                sum[0] += sign * charges.committed();
                sum[1] += sign * charges.weekUnits();
                sum[2] += sign;
            }
        }
    }

    public Changes changes() {
        return new Changes();
    }

    /**
     * Takes {@code before}'s figures out of the ledger and puts {@code after}'s in (either may be null).
     *
     * @return the budget keys and lots whose figures moved
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Affected replace(PlacementTerms before, PlacementTerms after) {
        if (Objects.equals(before, after)) {
            return Affected.none();
        }
        Changes changes = new Changes();
        if (before != null) {
            changes.add(before, -1);
        }
        if (after != null) {
            changes.add(after, +1);
        }
        return write(changes);
    }

    /** Writes accumulated differences under the shared ledger lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Affected write(Changes changes) {
        return session().doReturningWork(connection -> {
            lock(connection, "pg_advisory_xact_lock_shared");
            return writeChanges(connection, changes);
        });
    }

    /**
     * Empties the ledger, under the exclusive lock, before it is filled again from every tracked placement
     * ({@link #write} of the same transaction then waits for nothing: it already holds the lock).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearForRebuild() {
        session().doWork(connection -> {
            lock(connection, "pg_advisory_xact_lock");
            try (PreparedStatement truncate = connection
                    .prepareStatement("TRUNCATE cumulative_charge, lot_year_total")) {
                truncate.execute();
            }
        });
    }

    private Affected writeChanges(Connection connection, Changes changes) throws SQLException {
        Affected affected = Affected.none();
        try (PreparedStatement create = connection.prepareStatement("""
                INSERT INTO cumulative_charge (council, financial_year, funding_stream, day, lot_key, provider_key,
                                               off_contract, cumulative_pence)
                SELECT ?, ?, ?, d.day, ?, ?, ?, d.total FROM unnest(?::date[], ?::bigint[]) AS d(day, total)
                ON CONFLICT (council, financial_year, funding_stream, day, lot_key, provider_key, off_contract)
                DO UPDATE SET cumulative_pence = cumulative_charge.cumulative_pence + EXCLUDED.cumulative_pence""");
                PreparedStatement add = connection.prepareStatement("""
                        UPDATE cumulative_charge c SET cumulative_pence = c.cumulative_pence + d.delta
                        FROM unnest(?::date[], ?::bigint[]) AS d(day, delta)
                        WHERE c.council = ? AND c.financial_year = ? AND c.funding_stream = ? AND c.day = d.day
                          AND c.lot_key = ? AND c.provider_key = ? AND c.off_contract = ?""")) {
            for (Map.Entry<ChargeKey, long[]> entry : changes.daily.entrySet()) {
                ChargeKey key = entry.getKey();
                FinancialYear year = new FinancialYear(key.financialYear());
                List<Date> days = new ArrayList<>();
                List<Long> deltas = new ArrayList<>();
                long running = 0;
                long[] daily = entry.getValue();
                for (int i = 0; i < daily.length; i++) {
                    running += daily[i];
                    if (running != 0) {
                        days.add(Date.valueOf(year.day(i)));
                        deltas.add(running);
                    }
                }
                if (days.isEmpty()) {
                    continue;
                }
                add.setArray(1, connection.createArrayOf("date", days.toArray()));
                add.setArray(2, connection.createArrayOf("bigint", deltas.toArray()));
                add.setString(3, key.council());
                add.setInt(4, key.financialYear());
                add.setString(5, key.stream().name());
                add.setObject(6, key.lotKey());
                add.setObject(7, key.providerKey());
                add.setBoolean(8, key.offContract());
                if (add.executeUpdate() == 0) {
                    // the key's first figures for the year: a row for every day (zero before the first charge), so
                    // a position reads the exact day it needs. A writer racing to create the same key adds instead.
                    List<Date> everyDay = new ArrayList<>(daily.length);
                    List<Long> totals = new ArrayList<>(daily.length);
                    long total = 0;
                    for (int i = 0; i < daily.length; i++) {
                        total += daily[i];
                        everyDay.add(Date.valueOf(year.day(i)));
                        totals.add(total);
                    }
                    create.setString(1, key.council());
                    create.setInt(2, key.financialYear());
                    create.setString(3, key.stream().name());
                    create.setObject(4, key.lotKey());
                    create.setObject(5, key.providerKey());
                    create.setBoolean(6, key.offContract());
                    create.setArray(7, connection.createArrayOf("date", everyDay.toArray()));
                    create.setArray(8, connection.createArrayOf("bigint", totals.toArray()));
                    create.executeUpdate();
                }

                affected.budgets().add(new BudgetKey(key.council(), key.financialYear(), key.stream()));
                affected.lots().add(new LotOfCouncil(key.council(), key.lotKey()));
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO lot_year_total (council, financial_year, lot_key, off_contract, committed_pence,
                                            week_units, placements)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (council, financial_year, lot_key, off_contract) DO UPDATE SET
                    committed_pence = lot_year_total.committed_pence + EXCLUDED.committed_pence,
                    week_units = lot_year_total.week_units + EXCLUDED.week_units,
                    placements = lot_year_total.placements + EXCLUDED.placements""")) {
            boolean any = false;
            for (Map.Entry<LotYearKey, long[]> entry : changes.lotYears.entrySet()) {
                long[] sum = entry.getValue();
                if (sum[0] == 0 && sum[1] == 0 && sum[2] == 0) {
                    continue;
                }
                LotYearKey key = entry.getKey();
                upsert.setString(1, key.council());
                upsert.setInt(2, key.financialYear());
                upsert.setObject(3, key.lotKey());
                upsert.setBoolean(4, key.offContract());
                upsert.setLong(5, sum[0]);
                upsert.setLong(6, sum[1]);
                upsert.setInt(7, (int) sum[2]);
                upsert.addBatch();
                any = true;
            }
            if (any) {
                upsert.executeBatch();
            }
        }
        return affected;
    }

    /** The summed running totals of the keys in {@code scope} on each of {@code days}. */
    public Map<LocalDate, Long> totalsOn(Scope scope, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return Map.of();
        }
        StringBuilder sql = new StringBuilder(
                "SELECT day, sum(cumulative_pence) FROM cumulative_charge WHERE council = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(scope.council());
        if (scope.financialYear() != null) {
            sql.append(" AND financial_year = ?");
            parameters.add(scope.financialYear());
        }
        if (scope.stream() != null) {
            sql.append(" AND funding_stream = ?");
            parameters.add(scope.stream().name());
        }
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
        sql.append(" AND day = ANY(?) GROUP BY day");
        parameters.add(days);
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                bind(connection, select, parameters);
                Map<LocalDate, Long> totals = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        totals.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
                    }
                }
                return totals;
            }
        });
    }

    /** Committed and spent-to-date per stream, lot, provider and on/off contract, for a council's year. */
    public List<KeyFigures> figures(String council, FinancialYear year, LocalDate spentTo) {
        boolean anySpent = !spentTo.isBefore(year.firstDay());
        LocalDate spentDay = spentTo.isAfter(year.lastDay()) ? year.lastDay() : spentTo;
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT funding_stream, lot_key, provider_key, off_contract,
                           coalesce(sum(cumulative_pence) FILTER (WHERE day = ?), 0),
                           coalesce(sum(cumulative_pence) FILTER (WHERE day = ?), 0)
                    FROM cumulative_charge
                    WHERE council = ? AND financial_year = ? AND funding_stream = ANY(?) AND day = ANY(?)
                    GROUP BY funding_stream, lot_key, provider_key, off_contract""")) {
                List<LocalDate> days = anySpent ? List.of(year.lastDay(), spentDay) : List.of(year.lastDay());
                bind(connection, select, List.of(year.lastDay(), spentDay, council, year.startYear(),
                        List.of(FundingStream.values()), days));
                List<KeyFigures> figures = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        figures.add(new KeyFigures(FundingStream.valueOf(rows.getString(1)),
                                rows.getObject(2, UUID.class), rows.getObject(3, UUID.class), rows.getBoolean(4),
                                rows.getLong(5), anySpent ? rows.getLong(6) : 0));
                    }
                }
                return figures;
            }
        });
    }

    public List<LotYear> lotYears(String council, FinancialYear year) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT lot_key, off_contract, committed_pence, week_units, placements FROM lot_year_total
                    WHERE council = ? AND financial_year = ?""")) {
                select.setString(1, council);
                select.setInt(2, year.startYear());
                List<LotYear> lots = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        lots.add(new LotYear(rows.getObject(1, UUID.class), rows.getBoolean(2), rows.getLong(3),
                                rows.getLong(4), rows.getInt(5)));
                    }
                }
                return lots;
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, List<?> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Collection<?> values) {
                Object first = values.stream().findFirst().orElse(null);
                String type = first instanceof LocalDate ? "date" : first instanceof UUID ? "uuid" : "text";
                Object[] array = values.stream()
                        .map(v -> v instanceof LocalDate d ? Date.valueOf(d) : v instanceof Enum<?> e ? e.name() : v)
                        .toArray();
                statement.setArray(i + 1, connection.createArrayOf(type, array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static void lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, LEDGER_LOCK);
            lock.execute();
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
