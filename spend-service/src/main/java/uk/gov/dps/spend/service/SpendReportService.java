package uk.gov.dps.spend.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.spend.domain.ChargeableTime;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.Position;

/**
 * Where a council's money goes in a year: by funding stream, lot and provider; how concentrated each lot is on its
 * top two providers; how much is bought off contract; and the average weekly price per lot. Read from the ledger's
 * running totals (one row per stream, lot and provider), never from the placements one by one.
 */
@ApplicationScoped
public class SpendReportService {

    @Inject
    CommitmentLedger ledger;

    @Inject
    Positions positions;

    @Inject
    EntityManager em;

    public record Amounts(BigDecimal committed, BigDecimal spentToDate, BigDecimal shareOfCommitted) {
    }

    public record StreamSpend(FundingStream fundingStream, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal shareOfCommitted) {
    }

    public record ProviderShare(UUID providerId, String providerName, BigDecimal committed, BigDecimal share) {
    }

    /**
     * @param lotId              null for spot purchases made outside any lot (grouped by service type)
     * @param averageWeeklyPrice what the lot's placements cost per chargeable week in the year, all placements
     *                           weighted by their weeks
     * @param topTwoProviderShare percentage of the lot's commitment with its two largest providers
     */
    public record LotSpend(UUID lotId, String serviceType, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal offContractCommitted, int placements, BigDecimal averageWeeklyPrice,
            BigDecimal topTwoProviderShare, List<ProviderShare> topProviders) {
    }

    public record ProviderSpend(UUID providerId, String providerName, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal offContractCommitted, BigDecimal shareOfCommitted) {
    }

    /**
     * Invoices against commitments, for the whole council ({@code fundingStream} null) or one stream.
     *
     * @param remainingCommitment the commitment of the days no undisputed invoice covers yet
     * @param forecastOutturn     paid + invoiced not paid + remaining commitment
     */
    public record ActualsAgainstCommitment(FundingStream fundingStream, BigDecimal committed, BigDecimal paid,
            BigDecimal invoicedNotPaid, BigDecimal remainingCommitment, BigDecimal forecastOutturn) {

        static ActualsAgainstCommitment of(FundingStream stream, long committed, Position.Actuals actuals) {
            long remaining = committed - actuals.invoicedCommitment();
            return new ActualsAgainstCommitment(stream, Money.pounds(committed), Money.pounds(actuals.paid()),
                    Money.pounds(actuals.invoicedNotPaid()), Money.pounds(remaining),
                    Money.pounds(actuals.paid() + actuals.invoicedNotPaid() + remaining));
        }
    }

    public record SpendReport(String council, int financialYear, String financialYearLabel, LocalDate asOf,
            BigDecimal committed, BigDecimal spentToDate, List<StreamSpend> byFundingStream, List<LotSpend> byLot,
            Page<ProviderSpend> byProvider, Amounts offContract, ActualsAgainstCommitment actuals,
            List<ActualsAgainstCommitment> actualsByFundingStream) {
    }

    private static final class Sum {
        long committed;
        long spent;
        long offContract;

        void add(CommitmentLedger.KeyFigures f) {
            committed += f.committed();
            spent += f.spentToDate();
            if (f.offContract()) {
                offContract += f.committed();
            }
        }
    }

    public SpendReport report(String council, FinancialYear year, PageRequest providerPage) {
        LocalDate today = positions.today();
        List<CommitmentLedger.KeyFigures> figures = ledger.figures(council, year, today);

        Sum total = new Sum();
        Map<FundingStream, Sum> byStream = new EnumMap<>(FundingStream.class);
        Map<UUID, Sum> byLot = new HashMap<>();
        Map<UUID, Map<UUID, Long>> lotProviders = new HashMap<>();
        Map<UUID, Sum> byProvider = new HashMap<>();
        for (CommitmentLedger.KeyFigures f : figures) {
            total.add(f);
            byStream.computeIfAbsent(f.stream(), s -> new Sum()).add(f);
            byLot.computeIfAbsent(f.lotKey(), l -> new Sum()).add(f);
            byProvider.computeIfAbsent(f.providerKey(), p -> new Sum()).add(f);
            lotProviders.computeIfAbsent(f.lotKey(), l -> new HashMap<>()).merge(f.providerKey(), f.committed(),
                    Long::sum);
        }
        Set<UUID> lotKeys = new HashSet<>(byLot.keySet());
        Map<UUID, long[]> lotYears = new HashMap<>();
        for (CommitmentLedger.LotYear lot : ledger.lotYears(council, year)) {
            long[] sum = lotYears.computeIfAbsent(lot.lotKey(), k -> new long[3]);
            sum[0] += lot.committed();
            sum[1] += lot.weekUnits();
            sum[2] += lot.placements();
            lotKeys.add(lot.lotKey());
        }
        Map<UUID, LotLabel> lotLabels = lotLabels(lotKeys);
        Map<UUID, ProviderLabel> providerLabels = providerLabels(byProvider.keySet());

        List<StreamSpend> streams = byStream.entrySet().stream().map(e -> new StreamSpend(e.getKey(),
                Money.pounds(e.getValue().committed), Money.pounds(e.getValue().spent),
                Money.percent(e.getValue().committed, total.committed))).toList();

        List<LotSpend> lots = new ArrayList<>();
        for (UUID lotKey : lotKeys) {
            Sum sum = byLot.getOrDefault(lotKey, new Sum());
            long[] weeks = lotYears.getOrDefault(lotKey, new long[3]);
            List<Map.Entry<UUID, Long>> ranked = new ArrayList<>(
                    lotProviders.getOrDefault(lotKey, Map.of()).entrySet());
            ranked.sort(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<ProviderShare> top = ranked.stream().limit(2).map(e -> new ProviderShare(
                    providerLabels.getOrDefault(e.getKey(), ProviderLabel.UNKNOWN).providerId(),
                    providerLabels.getOrDefault(e.getKey(), ProviderLabel.UNKNOWN).name(), Money.pounds(e.getValue()),
                    Money.percent(e.getValue(), sum.committed))).toList();
            long topTwo = ranked.stream().limit(2).mapToLong(Map.Entry::getValue).sum();
            LotLabel label = lotLabels.getOrDefault(lotKey, new LotLabel(null, null));
            lots.add(new LotSpend(label.lotId(), label.serviceType(), Money.pounds(sum.committed),
                    Money.pounds(sum.spent), Money.pounds(sum.offContract), (int) weeks[2],
                    averageWeeklyPrice(weeks[0], weeks[1]), Money.percent(topTwo, sum.committed), top));
        }
        lots.sort(Comparator.comparing(LotSpend::committed).reversed()
                .thenComparing(l -> String.valueOf(l.serviceType())).thenComparing(l -> String.valueOf(l.lotId())));

        List<ProviderSpend> providers = new ArrayList<>();
        byProvider.forEach((key, sum) -> {
            ProviderLabel label = providerLabels.getOrDefault(key, ProviderLabel.UNKNOWN);
            providers.add(new ProviderSpend(label.providerId(), label.name(), Money.pounds(sum.committed),
                    Money.pounds(sum.spent), Money.pounds(sum.offContract), Money.percent(sum.committed,
                            total.committed)));
        });
        providers.sort(Comparator.comparing(ProviderSpend::committed).reversed()
                .thenComparing(p -> String.valueOf(p.providerId()))
                .thenComparing(p -> String.valueOf(p.providerName())));
        int from = Math.min(providerPage.first(), providers.size());
        int to = Math.min(providerPage.last() + 1, providers.size());

        Map<FundingStream, Position.Actuals> invoiced = positions.actualsByStream(council, year);
        List<ActualsAgainstCommitment> actualsByStream = new ArrayList<>();
        long[] all = new long[4];
        for (FundingStream stream : FundingStream.values()) {
            long committed = byStream.containsKey(stream) ? byStream.get(stream).committed : 0;
            Position.Actuals a = invoiced.getOrDefault(stream, Position.Actuals.NONE);
            if (committed != 0 || invoiced.containsKey(stream)) {
                actualsByStream.add(ActualsAgainstCommitment.of(stream, committed, a));
            }
            all[0] += committed;
            all[1] += a.paid();
            all[2] += a.invoicedNotPaid();
            all[3] += a.invoicedCommitment();
        }
        long offSpent = figures.stream().filter(CommitmentLedger.KeyFigures::offContract)
                .mapToLong(CommitmentLedger.KeyFigures::spentToDate).sum();
        return new SpendReport(council, year.startYear(), year.label(), today, Money.pounds(total.committed),
                Money.pounds(total.spent), streams, lots,
                Page.of(providers.subList(from, to), providerPage.page, providerPage.size, p -> p),
                new Amounts(Money.pounds(total.offContract), Money.pounds(offSpent),
                        Money.percent(total.offContract, total.committed)),
                ActualsAgainstCommitment.of(null, all[0], new Position.Actuals(all[1], all[2], all[3])),
                actualsByStream);
    }

    /** Pounds per chargeable week, half-up to the penny; null when the lot had no chargeable time. */
    static BigDecimal averageWeeklyPrice(long committedPence, long weekUnits) {
        if (weekUnits == 0) {
            return null;
        }
        return BigDecimal.valueOf(committedPence).multiply(BigDecimal.valueOf(ChargeableTime.UNITS_PER_WEEK))
                .divide(BigDecimal.valueOf(weekUnits), 0, RoundingMode.HALF_UP).movePointLeft(2);
    }

    private record LotLabel(UUID lotId, String serviceType) {
    }

    private record ProviderLabel(UUID providerId, String name) {
        static final ProviderLabel UNKNOWN = new ProviderLabel(null, null);
    }

    private Map<UUID, LotLabel> lotLabels(Set<UUID> keys) {
        Map<UUID, LotLabel> labels = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return labels;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT lot_key, lot_id, service_type FROM lot_label WHERE lot_key = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", keys.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        labels.put(rows.getObject(1, UUID.class),
                                new LotLabel(rows.getObject(2, UUID.class), rows.getString(3)));
                    }
                }
            }
        });
        return labels;
    }

    private Map<UUID, ProviderLabel> providerLabels(Set<UUID> keys) {
        Map<UUID, ProviderLabel> labels = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return labels;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT provider_key, provider_id, name FROM provider_label WHERE provider_key = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", keys.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        labels.put(rows.getObject(1, UUID.class),
                                new ProviderLabel(rows.getObject(2, UUID.class), rows.getString(3)));
                    }
                }
            }
        });
        return labels;
    }
}
