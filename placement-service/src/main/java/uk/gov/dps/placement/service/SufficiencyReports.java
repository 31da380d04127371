package uk.gov.dps.placement.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.placement.domain.FinancialQuarter;
import uk.gov.dps.placement.domain.Response.DeclineReason;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.PostcodeDistricts.PlacementDistance;

/**
 * The sufficiency report: aggregates only, never a child. Set-based: four grouped queries whatever the number of
 * placements (referrals, invitations and answers, placements, emergency capacity); distance is worked out once per
 * distinct (home district, setting district, council) rather than once per placement.
 *
 * <p>Referral figures are about the referrals raised in the period, as they stand now; placement figures about the
 * placements awarded in the period (call-offs and spot purchases); emergency capacity is today's. Without a period,
 * everything so far.
 */
@ApplicationScoped
public class SufficiencyReports {

    /** A vacancy not confirmed for this long is stale: not counted as capacity. */
    public static final Duration STALE_AFTER = Duration.ofDays(7);
    static final int TOP = 5;

    @Inject
    DataSource dataSource;

    @Inject
    PartnerCouncils partners;

    @Inject
    Clock clock;

    /** What the report covers: one council or (null) the joint DPS, one lot or all, one quarter or all time. */
    public record Scope(String council, UUID lotId, FinancialQuarter period) {
    }

    public record Referrals(long raised, long placed, long placedInHouse, long unmet, long cancelled, long open) {
    }

    /** Days from raising the referral to the award, over the referrals placed; null when none was. */
    public record TimeToPlace(long placements, BigDecimal medianDays, BigDecimal meanDays) {
    }

    /**
     * Invitations of the referrals raised in the period (every round), per referral called off; answers (offers and
     * declines, withdrawn offers included) in percent of the invitations.
     */
    public record Invitations(long referralsCalledOff, long invitations, BigDecimal invitationsPerReferral,
            long answered, long offers, long declines, BigDecimal responseRatePercent, BigDecimal offerRatePercent) {
    }

    public record DeclineCount(String reason, long count) {
    }

    /** Placements by the DfE's distance band and by the council's area; unknown: no setting or district known. */
    public record Distance(long twentyMilesOrLess, long overTwentyMiles, long insideArea, long outsideArea,
            long unknown) {
    }

    public record LotPrice(UUID lotId, String lotCode, String lotName, long placements, BigDecimal averageWeeklyPrice) {
    }

    /** Open vacancies taking emergency admissions now, confirmed within 7 days, at active members' open settings. */
    public record EmergencyCapacity(long places, long settings, long vacancies) {
    }

    /** A provider or owner group's placements in the period and their share of all of them. */
    public record Share(String id, String name, long placements, BigDecimal percent) {
    }

    public record Concentration(long placements, List<Share> topProviders, BigDecimal topProvidersPercent,
            List<Share> topOwnerGroups, BigDecimal topOwnerGroupsPercent) {
    }

    public record Report(String council, boolean joint, UUID lotId, String period, LocalDate from, LocalDate to,
            LocalDate asOf, Referrals referrals, TimeToPlace timeToPlace, Invitations invitations,
            List<DeclineCount> declinesByReason, long placements, Distance distance, List<LotPrice> weeklyPriceByLot,
            EmergencyCapacity emergencyCapacity, Concentration concentration) {
    }

    public Report report(Scope scope) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.UK));
        try (Connection c = dataSource.getConnection()) {
            Object[] referralsAndTime = referrals(c, scope);
            Object[] invitations = invitations(c, scope, (Long) referralsAndTime[2]);
            PlacementFigures placements = placements(c, scope);
            EmergencyCapacity capacity = emergencyCapacity(c, scope, today);
            FinancialQuarter q = scope.period();
            return new Report(scope.council(), scope.council() == null, scope.lotId(), q == null ? null : q.label(),
                    q == null ? null : q.firstDay(), q == null ? null : q.lastDay(), today,
                    (Referrals) referralsAndTime[0], (TimeToPlace) referralsAndTime[1], (Invitations) invitations[0],
                    castDeclines(invitations[1]), placements.total, placements.distance, placements.prices, capacity,
                    placements.concentration);
        } catch (SQLException e) {
            throw new IllegalStateException("sufficiency report failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<DeclineCount> castDeclines(Object declines) {
        return (List<DeclineCount>) declines;
    }

    private Object[] referrals(Connection c, Scope scope) throws SQLException {
        Filter f = filter(scope, "r.council", "r.lot_id", "r.raised_at");
        String sql = """
                select count(*),
                       count(p.id),
                       count(*) filter (where r.status = 'PLACED_IN_HOUSE'),
                       count(*) filter (where r.status = 'UNMET'),
                       count(*) filter (where r.status = 'CANCELLED'),
                       count(*) filter (where r.status in ('RAISED', 'CALLED_OFF', 'AWAITING_PANEL')),
                       count(r.called_off_at),
                       percentile_cont(0.5) within group (order by extract(epoch from p.awarded_at - r.raised_at)),
                       avg(extract(epoch from p.awarded_at - r.raised_at))
                from referral r left join placement p on p.referral_id = r.id
                """ + f.where;
        try (PreparedStatement s = f.prepare(c, sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            long placed = rs.getLong(2);
            return new Object[] {new Referrals(rs.getLong(1), placed, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)), new TimeToPlace(placed, days(rs.getBigDecimal(8)), days(rs.getBigDecimal(9))),
                    rs.getLong(7)};
        }
    }

    private Object[] invitations(Connection c, Scope scope, long calledOff) throws SQLException {
        Filter f = filter(scope, "r.council", "r.lot_id", "r.raised_at");
        // Every answer answers an invitation (one per provider and round), so answers are counted on their own rather
        // than matched to invitations: two plain joins to the period's referrals instead of a three-way one.
        String sql = """
                select 'invited', null, null, count(*) from invitation i join referral r on r.id = i.referral_id
                %1$s
                union all
                select 'answered', a.kind, a.decline_reason, count(*) from response a
                join referral r on r.id = a.referral_id
                %1$s group by a.kind, a.decline_reason""".formatted(f.where);
        Map<String, Long> declines = new LinkedHashMap<>();
        for (DeclineReason reason : DeclineReason.values()) {
            declines.put(reason.name(), 0L);
        }
        long invited = 0;
        long offers = 0;
        long declined = 0;
        try (PreparedStatement s = f.twice().prepare(c, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(4);
                if ("invited".equals(rs.getString(1))) {
                    invited = n;
                } else if ("OFFER".equals(rs.getString(2))) {
                    offers += n;
                } else {
                    declined += n;
                    declines.merge(rs.getString(3) == null ? "OTHER" : rs.getString(3), n, Long::sum);
                }
            }
        }
        long answered = offers + declined;
        Invitations totals = new Invitations(calledOff, invited, ratio(invited, calledOff, 1), answered, offers,
                declined, percent(answered, invited), percent(offers, invited));
        List<DeclineCount> byReason = declines.entrySet().stream()
                .map(e -> new DeclineCount(e.getKey(), e.getValue())).toList();
        return new Object[] {totals, byReason};
    }

    private record PlacementFigures(long total, Distance distance, List<LotPrice> prices,
            Concentration concentration) {
    }

    private PlacementFigures placements(Connection c, Scope scope) throws SQLException {
        Filter f = filter(scope, "p.council", "p.lot_id", "p.awarded_at");
        // One scan of the period's placements, grouped four ways: by (home, setting district, council) for distance,
        // by lot for price, by provider and by owner group for concentration.
        String sql = """
                with provider_group as (
                    select provider_id, max(owner_group_number) as number, max(owner_group_name) as name
                    from setting_view where owner_group_number is not null group by provider_id),
                awarded as materialized (
                    select p.council, p.lot_id, coalesce(p.provider_id::text, p.provider_name) as provider_key,
                           p.provider_name, r.postcode_district as home, s.postcode_district as setting_district,
                           case when s.setting_id is not null then s.owner_group_number else g.number end as group_number,
                           case when s.setting_id is not null then s.owner_group_name else g.name end as group_name,
                           p.fee_core + p.fee_staffing + p.fee_education + p.fee_therapy as weekly
                    from placement p
                    left join referral r on r.id = p.referral_id
                    left join response o on o.id = p.offer_id
                    left join setting_view s on s.setting_id = o.setting_id
                    left join provider_group g on g.provider_id = p.provider_id
                    %s)
                select 'distance', home, setting_district, council, count(*), null::numeric from awarded
                  group by home, setting_district, council
                union all
                select 'lot', lot_id::text, null, null, count(*), avg(weekly) from awarded group by lot_id
                union all
                select 'provider', provider_key, max(provider_name), null, count(*), null from awarded
                  group by provider_key
                union all
                select 'group', coalesce(group_number, 'provider:' || provider_key),
                       max(coalesce(group_name, provider_name)), max(group_number), count(*), null from awarded
                  group by 2
                """.formatted(f.where);
        long total = 0;
        long near = 0, far = 0, inside = 0, outside = 0, unknown = 0;
        Map<String, long[]> lotCounts = new LinkedHashMap<>();
        Map<String, BigDecimal> lotAverages = new HashMap<>();
        List<Share> providers = new ArrayList<>();
        List<Share> groups = new ArrayList<>();
        try (PreparedStatement s = f.prepare(c, sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(5);
                switch (rs.getString(1)) {
                    case "distance" -> {
                        total += n;
                        String onsCode = onsCode(rs.getString(4));
                        PlacementDistance d = onsCode == null || rs.getString(2) == null || rs.getString(3) == null
                                ? null
                                : PostcodeDistricts.placementDistance(rs.getString(2), rs.getString(3), onsCode)
                                        .orElse(null);
                        if (d == null) {
                            unknown += n;
                        } else {
                            if (d.band() == PostcodeDistricts.DistanceBand.TWENTY_MILES_OR_LESS) {
                                near += n;
                            } else {
                                far += n;
                            }
                            if (d.insideArea()) {
                                inside += n;
                            } else {
                                outside += n;
                            }
                        }
                    }
                    case "lot" -> {
                        lotCounts.put(rs.getString(2), new long[] {n});
                        lotAverages.put(rs.getString(2), rs.getBigDecimal(6));
                    }
                    case "provider" -> providers.add(new Share(rs.getString(2), rs.getString(3), n, null));
                    case "group" -> groups.add(new Share(rs.getString(4), rs.getString(3), n, null));
                    default -> throw new IllegalStateException("unexpected row " + rs.getString(1));
                }
            }
        }
        return new PlacementFigures(total, new Distance(near, far, inside, outside, unknown),
                lotPrices(c, lotCounts, lotAverages), concentration(total, providers, groups));
    }

    private static List<LotPrice> lotPrices(Connection c, Map<String, long[]> counts, Map<String, BigDecimal> averages)
            throws SQLException {
        Map<String, String[]> names = new HashMap<>();
        if (!counts.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select lot_id::text, code, name from lot_view where lot_id::text = any(?)")) {
                s.setArray(1, c.createArrayOf("text", counts.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
        }
        return counts.entrySet().stream().map(e -> {
            String[] name = e.getKey() == null ? null : names.get(e.getKey());
            return new LotPrice(e.getKey() == null ? null : UUID.fromString(e.getKey()),
                    name == null ? null : name[0], name == null ? (e.getKey() == null ? "No lot (spot purchases)" : null)
                            : name[1], e.getValue()[0],
                    averages.get(e.getKey()).setScale(2, RoundingMode.HALF_UP));
        }).sorted(Comparator.comparing((LotPrice l) -> l.lotCode() == null ? "~" : l.lotCode())).toList();
    }

    private static Concentration concentration(long total, List<Share> providers, List<Share> groups) {
        List<Share> topProviders = top(providers, total);
        List<Share> topGroups = top(groups, total);
        return new Concentration(total, topProviders, percent(topProviders.stream().mapToLong(Share::placements).sum(),
                total), topGroups, percent(topGroups.stream().mapToLong(Share::placements).sum(), total));
    }

    /** The five with most placements (ties by name), each with its share. */
    private static List<Share> top(List<Share> all, long total) {
        return all.stream().sorted(Comparator.comparingLong(Share::placements).reversed()
                .thenComparing(s -> s.name() == null ? "" : s.name()))
                .limit(TOP).map(s -> new Share(s.id(), s.name(), s.placements(), percent(s.placements(), total)))
                .toList();
    }

    private EmergencyCapacity emergencyCapacity(Connection c, Scope scope, LocalDate today) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder member = new StringBuilder("""
                select 1 from lot_member m join lot_view l on l.lot_id = m.lot_id
                where m.provider_id = v.provider_id and not m.suspended""");
        if (scope.lotId() != null) {
            member.append(" and m.lot_id = ?");
            params.add(scope.lotId());
        }
        if (scope.council() != null) {
            member.append(" and ? = any(l.councils)");
            params.add(scope.council());
        }
        String sql = """
                select count(*), count(distinct v.setting_id), coalesce(sum(v.places), 0)
                from vacancy_view v join setting_view s on s.setting_id = v.setting_id
                where v.status = 'OPEN' and v.emergency and v.confirmed_at >= ? and v.available_from <= ? and s.active
                  and exists (%s)""".formatted(member);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(STALE_AFTER)));
            s.setObject(2, today);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(3 + i, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new EmergencyCapacity(rs.getLong(3), rs.getLong(2), rs.getLong(1));
            }
        }
    }

    private String onsCode(String council) {
        PartnerCouncils.Council partner = council == null ? null : partners.all().get(council);
        return partner == null ? null : partner.onsCode();
    }

    /** A where clause on the council, lot and period columns, with its parameters in order. */
    private record Filter(String where, List<Object> params) {

        /** For a statement that applies the same conditions twice. */
        Filter twice() {
            List<Object> both = new ArrayList<>(params);
            both.addAll(params);
            return new Filter(where, both);
        }

        PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Instant instant) {
                    s.setTimestamp(i + 1, Timestamp.from(instant));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s;
        }
    }

    private static Filter filter(Scope scope, String councilColumn, String lotColumn, String timeColumn) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (scope.council() != null) {
            conditions.add(councilColumn + " = ?");
            params.add(scope.council());
        }
        if (scope.lotId() != null) {
            conditions.add(lotColumn + " = ?");
            params.add(scope.lotId());
        }
        if (scope.period() != null) {
            conditions.add(timeColumn + " >= ? and " + timeColumn + " < ?");
            params.add(scope.period().start(PlatformClock.UK));
            params.add(scope.period().end(PlatformClock.UK));
        }
        return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static BigDecimal days(BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long part, long whole, int scale) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), scale,
                RoundingMode.HALF_UP);
    }
}
