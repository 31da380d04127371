package uk.gov.dps.e2e.bench;

import static uk.gov.dps.e2e.bench.BenchClients.HTTP;
import static uk.gov.dps.e2e.bench.BenchClients.get;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import uk.gov.dps.cli.KeycloakTokens;
import uk.gov.dps.cli.StackConfig;

/**
 * The sufficiency report's target (≤ 1 s for a council with 100,000 placements), measured on the running stack.
 * The data are generated <b>directly in placement-service's database</b> (set-based inserts, no events: going through
 * the API would take hours): in a lot of their own, for Thurrock, 120,000 referrals over two years (100,000 placed,
 * the rest unmet, cancelled or open), three invitations and two answers each, 2,000 lot members with 3,000 settings
 * in 50 owner groups, 1,000 open vacancies. They are deleted afterwards. Beside each timing, the baseline of the same
 * run: a plain {@code count(*)} of the same council's placements straight from PostgreSQL.
 */
final class SufficiencyBench {

    static final int PLACEMENTS = Integer.getInteger("dps.bench.sufficiency-placements", 100_000);
    private static final int REFERRALS = PLACEMENTS + PLACEMENTS / 5;
    private static final int PROVIDERS = 2_000;
    private static final int SETTINGS = 3_000;
    private static final int RUNS = 10;
    private static final String COUNCIL = "thurrock";
    /** Home and setting districts: real ones in and around the partner councils (and a few unknown ones). */
    private static final String DISTRICTS = "{RM15,RM16,RM17,RM18,RM19,RM20,SS0,SS1,SS2,SS3,SS4,SS5,SS6,SS7,SS8,SS9,"
            + "SS11,SS12,SS13,SS14,SS15,SS16,SS17,CM1,CM2,CM3,CM7,CM8,CM9,CM11,CM12,CM13,CM14,CM15,CM16,CM17,CM20,CO1,"
            + "CO2,CO3,CO4,CO5,CO6,CO7,CO9,CO10,CO11,CO12,CO13,CO14,CO15,CO16,IP1,IP2,IP3,IP4,IP5,IP11,IP12,IP14,"
            + "IP28,IP33,CB1,CB2,CB3,CB4,CB5,CB6,CB7,CB8,CB9,CB10,CB11,CB21,CB22,CB23,CB24,CB25,PE1,PE2,PE3,PE4,PE6,"
            + "PE7,PE13,PE14,PE15,PE16,PE19,PE26,PE27,PE28,PE29,NR1,NR2,E1,E2,E3,N1,SW1A,ZZ99}";

    private SufficiencyBench() {
    }

    /** Generates, measures, deletes; answers the section of the benchmark's report. */
    static String measure(StackConfig stack, KeycloakTokens tokens) throws Exception {
        String salt = UUID.randomUUID().toString();
        UUID lot = UUID.nameUUIDFromBytes(("bench-lot-" + salt).getBytes());
        StringBuilder out = new StringBuilder();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("placement_service"), stack.databaseUser(),
                stack.databasePassword())) {
            try {
                long start = System.nanoTime();
                generate(db, salt, lot);
                double generated = (System.nanoTime() - start) / 1e9;
                String commissioner = tokens.userToken("commissioner", COUNCIL, null);
                String officer = tokens.userToken("placement-officer", COUNCIL, null);
                String quarter = quarterOf(LocalDate.now(ZoneId.of("Europe/London")).minusMonths(3));
                long placements = count(db, "select count(*) from placement where council = '" + COUNCIL + "'");
                out.append(String.format(Locale.ROOT, "%n| sufficiency report, %s with %,d placements "
                        + "(%,d generated directly in placement-service's database in %.0f s) | p50 ms | max ms | "
                        + "baseline p50 ms: count(*) of the same placements in PostgreSQL | n |%n|---|---|---|---|---|%n",
                        COUNCIL, placements, PLACEMENTS, generated));
                List<Double> baseline = timeSql(db, "select count(*) from placement where council = '" + COUNCIL
                        + "'");
                double base = percentile(baseline, 0.5);
                row(out, "GET /reports/sufficiency (all time: every placement)", time(get("placement-service",
                        "/reports/sufficiency", officer)), base);
                row(out, "GET /reports/sufficiency?period=" + quarter + " (one quarter)", time(get("placement-service",
                        "/reports/sufficiency?period=" + quarter, officer)), base);
                row(out, "GET /reports/sufficiency?lotId=… (the generated lot, all time)", time(get("placement-service",
                        "/reports/sufficiency?lotId=" + lot, officer)), base);
                row(out, "GET /reports/sufficiency?council=joint (every partner council, all time)",
                        time(get("placement-service", "/reports/sufficiency?council=joint", commissioner)), base);
                row(out, "GET /reports/sufficiency.csv (all time)", time(get("placement-service",
                        "/reports/sufficiency.csv", officer)), base);
                row(out, "GET /reports/owner-groups (every council's active placements)", time(get(
                        "placement-service", "/reports/owner-groups", commissioner)), base);
                row(out, "GET /reports/owner-groups/BG000001/failure", time(get("placement-service",
                        "/reports/owner-groups/" + groupNumber(salt, 1) + "/failure", commissioner)), base);
                out.append(String.format(Locale.ROOT, "%nSufficiency report for %,d placements, all time: see the "
                        + "first row (target ≤ 1000 ms).%n", placements));
            } finally {
                delete(db, salt, lot);
            }
        }
        return out.toString();
    }

    private static void generate(Connection db, String salt, UUID lot) throws SQLException {
        Timestamp t0 = Timestamp.from(Instant.now());
        String group = "case when p %% 5 < 3 then %s end";
        String[] statements = {
            "insert into lot_view values ('" + lot + "', 'BENCH', 'Benchmark lot', 'RESIDENTIAL', '{}', '{"
                    + COUNCIL + "}', false)",
            "insert into lot_member select '" + lot + "', md5(?1 || 'p' || p)::uuid, 'Bench Provider ' || p, '{}', "
                    + "null, p % 10 = 9 from generate_series(0, " + (PROVIDERS - 1) + ") p",
            ("insert into setting_view (setting_id, provider_id, name, kind, postcode_district, country, "
                    + "registered_places, min_age, max_age, sexes, needs, emergency_admissions, solo_placement, "
                    + "owner_group_name, owner_group_number, for_profit, active, changed_at) "
                    + "select md5(?1 || 's' || i)::uuid, md5(?1 || 'p' || p)::uuid, 'Bench Home ' || i, "
                    + "'CHILDRENS_HOME', d[1 + i %% array_length(d, 1)], 'England', 4, 8, 17, '{FEMALE,MALE}', "
                    + "'{EMOTIONAL_BEHAVIOURAL}', true, false, " + group + ", " + group + ", true, true, now() "
                    + "from generate_series(0, " + (SETTINGS - 1) + ") i, lateral (select i %% " + PROVIDERS
                    + " as p) x, (select '" + DISTRICTS + "'::text[] as d) ds").formatted(
                            "'Bench Group ' || (p % 50)", "bench_group(?1, p % 50)").replace("%%", "%"),
            "insert into vacancy_view select md5(?1 || 'v' || i)::uuid, md5(?1 || 's' || i)::uuid, "
                    + "md5(?1 || 'p' || (i % " + PROVIDERS + "))::uuid, 1 + i % 3, current_date - 1, null, null, null, "
                    + "i % 2 = 0, 'OPEN', now() - (i % 10) * interval '1 day', now() from generate_series(0, 999) i",
            "insert into referral (id, council, lot_id, status, raised_at, raised_by, age_band, sex, needs, "
                    + "postcode_district, called_off_at) select md5(?1 || 'r' || n)::uuid, '" + COUNCIL + "', "
                    + "'" + lot + "', "
                    + "case when n < " + PLACEMENTS + " then 'AWARDED' when n % 3 = 0 then 'UNMET' "
                    + "when n % 3 = 1 then 'CANCELLED' else 'CALLED_OFF' end, "
                    + "?2::timestamptz - ((n % 730) + 40) * interval '1 day' - (n % 17) * interval '1 hour', "
                    + "'bench-sufficiency', '11-15', 'FEMALE', '{EMOTIONAL_BEHAVIOURAL}', "
                    + "d[1 + n % array_length(d, 1)], "
                    + "?2::timestamptz - ((n % 730) + 40) * interval '1 day' "
                    + "from generate_series(0, " + (REFERRALS - 1) + ") n, (select '" + DISTRICTS + "'::text[] as d) ds",
            "insert into invitation (referral_id, provider_id, provider_name, invited_at, respond_by, round) "
                    + "select md5(?1 || 'r' || n)::uuid, md5(?1 || 'p' || ((n * 7 + k * 13) % " + PROVIDERS
                    + "))::uuid, 'Bench Provider', ?2::timestamptz, ?2::timestamptz, 1 "
                    + "from generate_series(0, " + (REFERRALS - 1) + ") n, generate_series(0, 2) k",
            "insert into response (id, referral_id, provider_id, kind, fee_core, fee_staffing, fee_education, "
                    + "fee_therapy, proposed_start, home_reference, decline_reason, submitted_at, setting_id, round) "
                    + "select md5(?1 || 'o' || n || '-' || k)::uuid, md5(?1 || 'r' || n)::uuid, "
                    + "md5(?1 || 'p' || ((n * 7 + k * 13) % " + PROVIDERS + "))::uuid, "
                    + "case k when 0 then 'OFFER' else 'DECLINE' end, "
                    + "case k when 0 then 2000 + n % 1500 end, case k when 0 then 150 end, case k when 0 then 0 end, "
                    + "case k when 0 then 81 end, case k when 0 then current_date end, case k when 0 then 'Home' end, "
                    + "case k when 1 then (array['NO_VACANCY','CANNOT_MEET_NEEDS','LOCATION','MATCHING','OTHER'])"
                    + "[1 + n % 5] end, ?2::timestamptz, "
                    + "case k when 0 then md5(?1 || 's' || ((n * 7) % " + PROVIDERS + "))::uuid end, 1 "
                    + "from generate_series(0, " + (REFERRALS - 1) + ") n, generate_series(0, 1) k",
            "insert into placement (id, council, basis, referral_id, offer_id, lot_id, service_type, provider_id, "
                    + "provider_name, fee_core, fee_staffing, fee_education, fee_therapy, placement_pattern, "
                    + "funding_shares, planned_start, status, awarded_at, awarded_by) "
                    + "select md5(?1 || 'pl' || n)::uuid, '" + COUNCIL + "', 'CALL_OFF', md5(?1 || 'r' || n)::uuid, "
                    + "md5(?1 || 'o' || n || '-0')::uuid, '" + lot + "', 'RESIDENTIAL', "
                    + "md5(?1 || 'p' || ((n * 7) % " + PROVIDERS + "))::uuid, 'Bench Provider ' || ((n * 7) % "
                    + PROVIDERS + "), 2000 + n % 1500, 150, 0, 81, 'WEEKS_52', '[]'::jsonb, current_date, "
                    + "case when n % 3 = 0 then 'ENDED' else 'STARTED' end, "
                    + "?2::timestamptz - ((n % 730) + 40) * interval '1 day' - (n % 17) * interval '1 hour' "
                    + "+ (n % 40) * interval '1 day', 'bench-sufficiency' from generate_series(0, " + (PLACEMENTS - 1)
                    + ") n",
        };
        try (Statement ddl = db.createStatement()) {
            // a Companies House number per bench group: BG + 6 digits, unique to this run by a salted prefix
            ddl.execute("create or replace function pg_temp.bench_group(salt text, g int) returns text "
                    + "language sql immutable as $$ select 'B' || upper(substr(md5(salt), 1, 1)) "
                    + "|| lpad(g::text, 6, '0') $$");
        }
        for (String sql : statements) {
            String bound = sql.replace("bench_group(", "pg_temp.bench_group(");
            try (PreparedStatement s = db.prepareStatement(bound.replace("?1", "?").replace("?2", "?"))) {
                int i = 1;
                for (int at = bound.indexOf('?'); at >= 0; at = bound.indexOf('?', at + 1)) {
                    if (bound.startsWith("?1", at)) {
                        s.setString(i++, salt);
                    } else if (bound.startsWith("?2", at)) {
                        s.setTimestamp(i++, t0);
                    }
                }
                s.executeUpdate();
            }
        }
        try (Statement analyse = db.createStatement()) {
            analyse.execute("analyze referral, invitation, response, placement, setting_view, vacancy_view, "
                    + "lot_member, lot_view");
        }
    }

    /** The Companies House number of bench group {@code g} of this run (as bench_group computes it). */
    private static String groupNumber(String salt, int g) {
        try {
            String md5 = String.format("%032x", new java.math.BigInteger(1,
                    java.security.MessageDigest.getInstance("MD5").digest(salt.getBytes())));
            return "B" + md5.substring(0, 1).toUpperCase(Locale.ROOT) + String.format("%06d", g);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Connection db, String salt, UUID lot) throws SQLException {
        String referrals = "(select id from referral where lot_id = '" + lot + "')";
        String providers = "(select provider_id from lot_member where lot_id = '" + lot + "')";
        try (Statement s = db.createStatement()) {
            s.executeUpdate("delete from placement where lot_id = '" + lot + "'");
            s.executeUpdate("delete from response where referral_id in " + referrals);
            s.executeUpdate("delete from invitation where referral_id in " + referrals);
            s.executeUpdate("delete from referral where lot_id = '" + lot + "'");
            s.executeUpdate("delete from vacancy_view where provider_id in " + providers);
            s.executeUpdate("delete from setting_view where provider_id in " + providers);
            s.executeUpdate("delete from lot_member where lot_id = '" + lot + "'");
            s.executeUpdate("delete from lot_view where lot_id = '" + lot + "'");
        }
    }

    private static List<Double> time(HttpRequest request) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            double took = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
            }
            if (i >= 2) { // the first two warm the plans and the JIT: not counted
                millis.add(took);
            }
        }
        return millis;
    }

    private static List<Double> timeSql(Connection db, String sql) throws SQLException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            long start = System.nanoTime();
            count(db, sql);
            if (i >= 2) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void row(StringBuilder out, String what, List<Double> millis, double baseline) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |%n", what, percentile(millis, 0.5),
                Collections.max(millis), baseline, millis.size()));
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** The financial-year quarter a day falls in, as the report writes it (e.g. 2026-27-Q3). */
    private static String quarterOf(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = day.getMonthValue() >= 4 ? (day.getMonthValue() - 4) / 3 + 1 : 4;
        return String.format(Locale.ROOT, "%d-%02d-Q%d", start, (start + 1) % 100, quarter);
    }
}
