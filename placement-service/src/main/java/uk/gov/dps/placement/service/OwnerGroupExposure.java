package uk.gov.dps.placement.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * Owner-group exposure (Children's Wellbeing and Schools Act 2026: financial oversight of provider groups that would
 * be hard to replace): the children each council has placed with each group now, their weekly cost, and what a
 * group's failure would leave to find. Aggregates only.
 *
 * <p>A placement belongs to the owner group of its offer's setting; a placement without a known setting to the
 * group its provider's settings name, if any. Active: awarded or started, not ended. Weekly cost: the fee in force
 * today (the latest fee change from today or before, else the fee at award).
 */
@ApplicationScoped
public class OwnerGroupExposure {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public record CouncilExposure(String council, long children, BigDecimal weeklyCost) {
    }

    public record GroupExposure(String companiesHouseNumber, String name, long settings, long places, long children,
            BigDecimal weeklyCost, List<CouncilExposure> byCouncil) {
    }

    /** One lot's children with the failing group, and today's open vacancies elsewhere that would take them. */
    public record LotFailure(UUID lotId, String lotCode, String lotName, long children, BigDecimal weeklyCost,
            long matchingVacancies, long matchingPlaces) {
    }

    public record Failure(String companiesHouseNumber, String name, LocalDate asOf, long children,
            BigDecimal weeklyCost, List<CouncilExposure> byCouncil, List<LotFailure> byLot) {
    }

    private static final String ACTIVE = """
            with provider_group as (
                select provider_id, max(owner_group_number) as number
                from setting_view where owner_group_number is not null group by provider_id),
            active as materialized (
                select p.id, p.council, p.lot_id, p.referral_id,
                       case when s.setting_id is not null then s.owner_group_number else g.number end as group_number,
                       coalesce((select f.fee_core + f.fee_staffing + f.fee_education + f.fee_therapy from fee_change f
                                 where f.placement_id = p.id and f.effective_from <= ?
                                 order by f.effective_from desc, f.id desc limit 1),
                                p.fee_core + p.fee_staffing + p.fee_education + p.fee_therapy) as weekly
                from placement p
                left join response o on o.id = p.offer_id
                left join setting_view s on s.setting_id = o.setting_id
                left join provider_group g on g.provider_id = p.provider_id
                where p.status in ('AWARDED', 'STARTED') %s)
            """;

    /** Every owner group, most children first; {@code council} null: every council's children. */
    public List<GroupExposure> groups(String council) {
        LocalDate today = today();
        Map<String, String> names = new HashMap<>();
        Map<String, long[]> settings = new HashMap<>();
        Map<String, List<CouncilExposure>> byCouncil = new HashMap<>();
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    select owner_group_number, max(owner_group_name), count(*) filter (where active),
                           coalesce(sum(registered_places) filter (where active), 0)
                    from setting_view where owner_group_number is not null group by owner_group_number""");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                    settings.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4)});
                }
            }
            String sql = ACTIVE.formatted(council == null ? "" : "and p.council = ?")
                    + "select group_number, council, count(*), sum(weekly) from active "
                    + "where group_number is not null group by group_number, council order by council";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, today);
                if (council != null) {
                    s.setString(2, council);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byCouncil.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new CouncilExposure(rs.getString(2), rs.getLong(3), money(rs.getBigDecimal(4))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("owner-group exposure failed", e);
        }
        List<GroupExposure> groups = new ArrayList<>();
        for (Map.Entry<String, String> group : names.entrySet()) {
            List<CouncilExposure> councils = byCouncil.getOrDefault(group.getKey(), List.of());
            long[] s = settings.get(group.getKey());
            groups.add(new GroupExposure(group.getKey(), group.getValue(), s[0], s[1],
                    councils.stream().mapToLong(CouncilExposure::children).sum(),
                    councils.stream().map(CouncilExposure::weeklyCost).reduce(money(BigDecimal.ZERO), BigDecimal::add),
                    councils));
        }
        groups.sort(Comparator.comparingLong(GroupExposure::children).reversed()
                .thenComparing(GroupExposure::weeklyCost, Comparator.reverseOrder())
                .thenComparing(g -> g.name() == null ? "" : g.name()));
        return groups;
    }

    /**
     * What if the group failed: its active placements per council and by lot with their weekly cost, and per lot the
     * open vacancies today (confirmed within 7 days, available now) at other groups' active settings whose provider is
     * an active member of the lot, that take at least one affected child's age band (ranges overlap), sex and every
     * need. 404 for a group no setting names.
     */
    public Failure failure(String companiesHouseNumber, String council) {
        LocalDate today = today();
        String name;
        try (Connection c = connection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select max(owner_group_name) from setting_view where owner_group_number = ? having count(*) > 0")) {
                s.setString(1, companiesHouseNumber);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("Owner group", companiesHouseNumber);
                    }
                    name = rs.getString(1);
                }
            }
            String sql = ACTIVE.formatted(council == null ? "" : "and p.council = ?") + """
                    , affected as (select * from active where group_number = ?),
                    profiles as (
                        select distinct a.lot_id, split_part(r.age_band, '-', 1)::int as min_age,
                               split_part(r.age_band, '-', 2)::int as max_age, r.sex, r.needs
                        from affected a join referral r on r.id = a.referral_id),
                    matching as (
                        select distinct pr.lot_id, v.vacancy_id, v.places
                        from profiles pr
                        join lot_member m on m.lot_id = pr.lot_id and not m.suspended
                        join vacancy_view v on v.provider_id = m.provider_id
                        join setting_view s on s.setting_id = v.setting_id
                        where v.status = 'OPEN' and v.confirmed_at >= ? and v.available_from <= ? and s.active
                          and s.owner_group_number is distinct from ?
                          and v.provider_id not in (select provider_id from setting_view where owner_group_number = ?)
                          and pr.min_age <= coalesce(v.max_age, s.max_age)
                          and pr.max_age >= coalesce(v.min_age, s.min_age)
                          and (pr.sex is null or pr.sex = 'NOT_SAID' or pr.sex = any(s.sexes))
                          and pr.needs <@ coalesce(v.needs, s.needs))
                    select 'council', council, null::uuid, count(*), sum(weekly) from affected group by council
                    union all
                    select 'lot', null, lot_id, count(*), sum(weekly) from affected group by lot_id
                    union all
                    select 'match', null, lot_id, count(*), sum(places) from matching group by lot_id
                    """;
            List<CouncilExposure> councils = new ArrayList<>();
            Map<UUID, long[]> lotChildren = new HashMap<>();
            Map<UUID, BigDecimal> lotCost = new HashMap<>();
            Map<UUID, long[]> lotMatches = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setObject(i++, today);
                if (council != null) {
                    s.setString(i++, council);
                }
                s.setString(i++, companiesHouseNumber);
                s.setTimestamp(i++, Timestamp.from(clock.instant().minus(SufficiencyReports.STALE_AFTER)));
                s.setObject(i++, today);
                s.setString(i++, companiesHouseNumber);
                s.setString(i, companiesHouseNumber);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID lot = rs.getObject(3, UUID.class);
                        switch (rs.getString(1)) {
                            case "council" -> councils.add(new CouncilExposure(rs.getString(2), rs.getLong(4),
                                    money(rs.getBigDecimal(5))));
                            case "lot" -> {
                                lotChildren.put(lot, new long[] {rs.getLong(4)});
                                lotCost.put(lot, money(rs.getBigDecimal(5)));
                            }
                            default -> lotMatches.put(lot, new long[] {rs.getLong(4), rs.getLong(5)});
                        }
                    }
                }
            }
            councils.sort(Comparator.comparing(CouncilExposure::council));
            Map<UUID, String[]> lotNames = lotNames(c, lotChildren.keySet());
            List<LotFailure> lots = new ArrayList<>();
            for (Map.Entry<UUID, long[]> lot : lotChildren.entrySet()) {
                String[] n = lotNames.getOrDefault(lot.getKey(), new String[2]);
                long[] matches = lotMatches.getOrDefault(lot.getKey(), new long[2]);
                lots.add(new LotFailure(lot.getKey(), n[0], n[1], lot.getValue()[0], lotCost.get(lot.getKey()),
                        matches[0], matches[1]));
            }
            lots.sort(Comparator.comparing((LotFailure l) -> l.lotCode() == null ? "~" : l.lotCode()));
            return new Failure(companiesHouseNumber, name, today,
                    councils.stream().mapToLong(CouncilExposure::children).sum(),
                    councils.stream().map(CouncilExposure::weeklyCost).reduce(money(BigDecimal.ZERO), BigDecimal::add),
                    councils, lots);
        } catch (SQLException e) {
            throw new IllegalStateException("owner-group failure view failed", e);
        }
    }

    private static Map<UUID, String[]> lotNames(Connection c, java.util.Set<UUID> lots) throws SQLException {
        Map<UUID, String[]> names = new HashMap<>();
        List<UUID> known = lots.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return names;
        }
        try (PreparedStatement s = c.prepareStatement("select lot_id, code, name from lot_view where lot_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", known.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return names;
    }

    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }
}
