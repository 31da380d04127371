package uk.gov.dps.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import uk.gov.dps.demo.DemoApi.User;
import uk.gov.dps.demo.DemoData.LotKind;

/**
 * What a council officer wants to know about the demo's DPS, read from the public APIs as they stand: the lots and
 * their members, the year's placements by lot, the spend position per funding stream with overspend alerts, how
 * concentrated each lot is and how much is bought off contract, exemptions close to expiry, and providers at red
 * risk or suspended. Plain text; a section whose service cannot answer says so and the others still print.
 */
public final class DemoReport {

    private static final String LOTS = "lot-service";
    private static final String PROVIDERS = "provider-service";
    private static final String PLACEMENTS = "placement-service";
    private static final String MONITORING = "contract-monitoring-service";
    private static final String SPEND = "spend-service";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final Map<String, String> COUNCILS = Map.of("cambridgeshire", "Cambridgeshire County Council",
            "peterborough", "Peterborough City Council", "essex", "Essex County Council",
            "suffolk", "Suffolk County Council", "thurrock", "Thurrock Council");
    private static final Map<String, String> STREAMS = Map.of("HIGH_NEEDS_BLOCK", "High Needs Block",
            "LAC_PLACEMENTS", "LAC placements", "HEALTH", "Health (CCG/ICB)");

    private final DemoApi api;
    private final String council;
    private final User commissioner;
    private final User officer;
    private final User finance;

    /** The demo's lots, by id, once read. */
    private final Map<String, LotKind> lots = new LinkedHashMap<>();
    private final Map<String, JsonNode> lotViews = new HashMap<>();
    private JsonNode dps;
    private JsonNode spendReport;
    private LocalDate asOf;

    public DemoReport(DemoStack stack) {
        this(new DemoApi(stack), DemoData.COUNCIL);
    }

    DemoReport(DemoApi api, String council) {
        this.api = api;
        this.council = council;
        this.commissioner = api.as("commissioner", council);
        this.officer = api.as("placement-officer", council);
        this.finance = api.as("finance-officer", council);
    }

    /** Prints the report. */
    public void print(PrintStream out) {
        out.print(render());
        out.flush();
    }

    /** The report as text. */
    public String render() {
        StringBuilder text = new StringBuilder();
        section(text, null, this::heading);
        section(text, "1. Lots and members", this::lotsAndMembers);
        section(text, "2. Placements in 2018/19 by lot", this::placementsByLot);
        section(text, "3. Spend position per funding stream, 2018/19", this::spendPosition);
        section(text, "4. Concentration and off-contract spend", this::concentration);
        section(text, "5. Exemptions near expiry", this::exemptions);
        section(text, "6. Providers at red risk or suspended", this::risk);
        section(text, "7. Invoices and payments: actuals against commitments, 2018/19", this::actuals);
        section(text, "8. Sufficiency so far (the council and the joint DPS)", this::sufficiency);
        section(text, "9. Owner-group exposure (children placed now, and if the largest group failed)",
                this::ownerGroupExposure);
        section(text, "For the APIs (ids to use with ./dps token and curl)", this::ids);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, Supplier<String> body) {
        if (title != null) {
            text.append(title).append('\n');
        }
        try {
            text.append(body.get());
        } catch (DemoException e) {
            text.append("  (not available: ").append(e.getMessage()).append(")\n");
        }
        text.append('\n');
    }

    // -------------------------------------------------------------------------------------------------------------

    private String heading() {
        readLots();
        String day = ", as of " + LONG_DATE.format(today());
        String councilName = COUNCILS.getOrDefault(council, council);
        return "DPS children's placements: report for " + councilName + ", financial year 2018/19" + day + "\n"
                + dps.path("title").asText() + " (" + dps.path("reference").asText() + ", "
                + dps.path("regime").asText() + ", valid " + dps.path("validFrom").asText() + " to "
                + dps.path("validTo").asText() + ")\n";
    }

    private void readLots() {
        if (dps != null) {
            return;
        }
        dps = commissioner.all(LOTS, "/dps").stream()
                .filter(d -> DemoData.DPS_REFERENCE.equals(d.path("reference").asText())).findFirst()
                .orElseThrow(() -> new DemoException("there is no DPS " + DemoData.DPS_REFERENCE
                        + " on this stack: load the demo first (DemoLoader)"));
        for (JsonNode lot : commissioner.all(LOTS, "/dps/" + dps.path("id").asText() + "/lots")) {
            for (LotKind kind : LotKind.values()) {
                if (kind.code.equals(lot.path("code").asText())) {
                    lots.put(lot.path("id").asText(), kind);
                    lotViews.put(lot.path("id").asText(), lot);
                }
            }
        }
    }

    private JsonNode spendReport() {
        if (spendReport == null) {
            spendReport = finance.get(SPEND, "/reports/spend?year=" + DemoData.FINANCIAL_YEAR + "&size=200");
            String day = spendReport.path("asOf").asText(null);
            asOf = day == null ? DemoData.AS_OF_DATE : LocalDate.parse(day);
        }
        return spendReport;
    }

    private LocalDate today() {
        try {
            spendReport();
        } catch (DemoException e) {
            asOf = DemoData.AS_OF_DATE;
        }
        return asOf;
    }

    // -------------------------------------------------------------------------------------------------------------

    private String lotsAndMembers() {
        readLots();
        TextTable table = new TextTable().left("Lot", 5).left("Name", 34).right("Members").right("Tier 1")
                .right("Tier 2").right("Tier 3").right("Suspended").left("Categories", 60);
        for (Map.Entry<String, LotKind> lot : lots.entrySet()) {
            List<JsonNode> members = commissioner.all(LOTS, "/lots/" + lot.getKey() + "/members?status=ALL");
            Map<String, Integer> tiers = new TreeMap<>();
            int suspended = 0;
            for (JsonNode m : members) {
                tiers.merge(m.path("tier").asText("-"), 1, Integer::sum);
                if ("SUSPENDED".equals(m.path("status").asText())) {
                    suspended++;
                }
            }
            boolean tiered = lotViews.get(lot.getKey()).path("tiered").asBoolean();
            List<String> categories = new ArrayList<>();
            lotViews.get(lot.getKey()).path("categories").forEach(c -> categories.add(c.path("code").asText()));
            table.row(lot.getValue().code, lot.getValue().shortName, members.size(),
                    tiered ? tiers.getOrDefault("TIER_1", 0) : "-", tiered ? tiers.getOrDefault("TIER_2", 0) : "-",
                    tiered ? tiers.getOrDefault("TIER_3", 0) : "-", suspended, String.join(", ", categories));
        }
        return table.render(2);
    }

    private String placementsByLot() {
        readLots();
        List<JsonNode> placements = officer.all(PLACEMENTS, "/placements");
        Map<String, JsonNode> spend = spendByLot();
        LocalDate first = LocalDate.of(DemoData.FINANCIAL_YEAR, 4, 1);
        LocalDate last = LocalDate.of(DemoData.FINANCIAL_YEAR + 1, 3, 31);
        TextTable table = new TextTable().left("Lot", 32).right("Placements").right("Started").right("Ended")
                .right("Active now").right("Committed").right("Spent to date").right("Avg weekly price");
        Map<String, int[]> counts = new LinkedHashMap<>();
        lots.keySet().forEach(id -> counts.put(id, new int[4]));
        counts.put("spot", new int[4]);
        for (JsonNode p : placements) {
            String lotId = p.path("lotId").asText(null);
            boolean spot = "SPOT_PURCHASE".equals(p.path("basis").asText());
            String bucket = spot && lotId == null ? "spot" : lotId;
            if (bucket == null || !counts.containsKey(bucket) || !inYear(p, first, last)) {
                continue;
            }
            int[] c = counts.get(bucket);
            c[0]++;
            String status = p.path("status").asText();
            if (!"AWARDED".equals(status)) {
                c[1]++;
            }
            if ("ENDED".equals(status)) {
                c[2]++;
            }
            if ("STARTED".equals(status)) {
                c[3]++;
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            boolean spot = e.getKey().equals("spot");
            JsonNode s = spot ? spend.get("spot:IFA") : spend.get(e.getKey());
            int[] c = e.getValue();
            if (spot && c[0] == 0) {
                continue;
            }
            table.row(spot ? "Off the DPS (IFA spot purchases)" : lots.get(e.getKey()).shortName, c[0], c[1], c[2], c[3],
                    s == null ? "-" : TextTable.pounds(decimal(s.path("committed"))),
                    s == null ? "-" : TextTable.pounds(decimal(s.path("spentToDate"))),
                    s == null ? "-" : TextTable.poundsAndPence(decimal(s.path("averageWeeklyPrice"))));
        }
        return table.render(2) + "  Committed: the whole year's cost of the placements as they stand (spend-service); "
                + "average weekly price per chargeable week.\n";
    }

    private static boolean inYear(JsonNode p, LocalDate first, LocalDate last) {
        String start = p.path("startDate").asText(null);
        if (start == null) {
            start = p.path("plannedStart").asText(null);
        }
        String end = p.path("endDate").asText(null);
        return start != null && !LocalDate.parse(start).isAfter(last)
                && (end == null || !LocalDate.parse(end).isBefore(first));
    }

    /** The spend report's lot rows, by lot id ("spot:&lt;service type&gt;" for purchases outside any lot). */
    private Map<String, JsonNode> spendByLot() {
        Map<String, JsonNode> byLot = new HashMap<>();
        try {
            for (JsonNode lot : spendReport().path("byLot")) {
                String id = lot.path("lotId").asText(null);
                byLot.put(id != null ? id : "spot:" + lot.path("serviceType").asText(), lot);
            }
        } catch (DemoException e) {
            // the placements section still shows the counts
        }
        return byLot;
    }

    private String spendPosition() {
        StringBuilder text = new StringBuilder();
        List<JsonNode> lines = finance.all(SPEND, "/budgets?year=" + DemoData.FINANCIAL_YEAR);
        TextTable budgets = new TextTable().left("Budget line", 50).left("Stream", 16).right("Budget")
                .right("Committed").right("Spent to date").right("Forecast").right("Variance").right("Of budget")
                .left("Status", 10);
        for (JsonNode line : lines) {
            JsonNode p = finance.get(SPEND, "/budgets/" + line.path("id").asText() + "/position");
            budgets.row(line.path("name").asText(), stream(line.path("fundingStream").asText()),
                    TextTable.pounds(decimal(p.path("budget"))), TextTable.pounds(decimal(p.path("committed"))),
                    TextTable.pounds(decimal(p.path("spentToDate"))),
                    TextTable.pounds(decimal(p.path("forecastOutturn"))), TextTable.pounds(decimal(p.path("variance"))),
                    TextTable.percent(decimal(p.path("forecastPercentOfBudget"))), p.path("status").asText("-"));
        }
        text.append(budgets.isEmpty() ? "  No budget lines for 2018/19.\n" : budgets.render(2));
        text.append("  Forecast = spent to date + the rest of the year's commitment; variance = budget - forecast.\n\n");

        TextTable contracts = new TextTable().left("Contract", 56).left("Period", 24).right("Value").right("Committed")
                .right("Of value").left("Status", 10);
        for (JsonNode c : finance.all(SPEND, "/contracts")) {
            if (!lots.containsKey(c.path("lotId").asText())) {
                continue;
            }
            contracts.row(c.path("name").asText(), c.path("startDate").asText() + " to " + c.path("endDate").asText(),
                    TextTable.pounds(decimal(c.path("value"))), TextTable.pounds(decimal(c.path("committed"))),
                    TextTable.percent(decimal(c.path("committedPercentOfValue"))), c.path("status").asText("-"));
        }
        if (!contracts.isEmpty()) {
            text.append(contracts.render(2)).append('\n');
        }

        List<JsonNode> alerts = finance.all(SPEND, "/alerts?active=true");
        if (alerts.isEmpty()) {
            text.append("  No active overspend alerts.\n");
        } else {
            text.append("  Active alerts (a budget's forecast or a contract's commitment over a threshold):\n");
            TextTable table = new TextTable().left("On", 60).right("Threshold").right("Amount").right("Limit")
                    .left("Since", 10);
            for (JsonNode a : alerts) {
                table.row(a.path("subjectType").asText().toLowerCase(Locale.UK) + ": " + a.path("name").asText(),
                        a.path("thresholdPercent").asText() + "%", TextTable.pounds(decimal(a.path("amount"))),
                        TextTable.pounds(decimal(a.path("limit"))),
                        a.path("crossedAt").asText("").length() >= 10 ? a.path("crossedAt").asText().substring(0, 10)
                                : "");
            }
            text.append(table.render(4));
        }

        JsonNode report = spendReport();
        text.append("\n  All the council's placements by funding stream (committed in 2018/19):\n");
        TextTable streams = new TextTable().left("Stream", 16).right("Committed").right("Spent to date").right("Share");
        for (JsonNode s : report.path("byFundingStream")) {
            streams.row(stream(s.path("fundingStream").asText()), TextTable.pounds(decimal(s.path("committed"))),
                    TextTable.pounds(decimal(s.path("spentToDate"))), TextTable.percent(decimal(s.path("shareOfCommitted"))));
        }
        streams.row("Total", TextTable.pounds(decimal(report.path("committed"))),
                TextTable.pounds(decimal(report.path("spentToDate"))), "100.0%");
        text.append(streams.render(4));
        return text.toString();
    }

    /**
     * What providers invoiced and the council paid against what it committed, per budget line and for the council;
     * the invoices by status; and the Procurement Act payment performance of the half year.
     */
    private String actuals() {
        StringBuilder text = new StringBuilder();
        TextTable lines = new TextTable().left("Budget line", 50).left("Stream", 16).right("Committed").right("Paid")
                .right("Invoiced, unpaid").right("Not invoiced").right("Forecast").right("Variance");
        for (JsonNode p : finance.all(SPEND, "/budgets/positions?year=" + DemoData.FINANCIAL_YEAR)) {
            lines.row(p.path("name").asText(), stream(p.path("fundingStream").asText()),
                    TextTable.pounds(decimal(p.path("committed"))), TextTable.pounds(decimal(p.path("paid"))),
                    TextTable.pounds(decimal(p.path("invoicedNotPaid"))),
                    TextTable.pounds(decimal(p.path("remainingCommitment"))),
                    TextTable.pounds(decimal(p.path("forecastOutturn"))), TextTable.pounds(decimal(p.path("variance"))));
        }
        text.append(lines.isEmpty() ? "  No budget lines for 2018/19.\n" : lines.render(2));
        JsonNode all = spendReport().path("actuals");
        text.append("  The council: ").append(TextTable.pounds(decimal(all.path("committed")))).append(" committed, ")
                .append(TextTable.pounds(decimal(all.path("paid")))).append(" paid, ")
                .append(TextTable.pounds(decimal(all.path("invoicedNotPaid")))).append(" invoiced and not paid, ")
                .append(TextTable.pounds(decimal(all.path("remainingCommitment"))))
                .append(" committed for days not invoiced yet: forecast outturn ")
                .append(TextTable.pounds(decimal(all.path("forecastOutturn")))).append(".\n");
        text.append("  Forecast = paid + invoiced not paid + the commitment of the days no invoice covers yet.\n\n");

        Map<String, Integer> byStatus = new TreeMap<>();
        int flagged = 0;
        for (JsonNode invoice : finance.all(SPEND, "/invoices")) {
            byStatus.merge(invoice.path("status").asText(), 1, Integer::sum);
            if (invoice.path("flagged").asBoolean()) {
                flagged++;
            }
        }
        text.append("  Invoices: ").append(byStatus.isEmpty() ? "none" : byStatus.toString()).append(", ")
                .append(flagged).append(" flagged as differing from the agreement.\n");
        String period = halfYear(today());
        JsonNode pp = finance.get(SPEND, "/payment-performance?period=" + period);
        text.append("  Payment performance ").append(pp.path("period").asText()).append(" (").append(
                pp.path("from").asText()).append(" to ").append(pp.path("to").asText()).append("): ")
                .append(pp.path("invoicesReceived").asInt()).append(" invoices received, ")
                .append(pp.path("averageDaysToPay").isNumber() ? pp.path("averageDaysToPay").asText() + " days to pay "
                        + "on average" : "none paid yet").append("; paid within 30 days ")
                .append(TextTable.percent(decimal(pp.path("percentWithin30Days")))).append(", 31-60 days ")
                .append(TextTable.percent(decimal(pp.path("percentIn31To60Days")))).append(", 61 or more ")
                .append(TextTable.percent(decimal(pp.path("percentIn61DaysOrMore")))).append(", unpaid ")
                .append(TextTable.percent(decimal(pp.path("percentUnpaid")))).append(".\n");
        return text.toString();
    }

    /** The payments compliance half year a day is in: 2018-19-H2 for 4 March 2019. */
    static String halfYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        boolean first = day.getMonthValue() >= 4 && day.getMonthValue() <= 9;
        return start + "-" + String.format("%02d", (start + 1) % 100) + (first ? "-H1" : "-H2");
    }

    /** Spend knows call-off providers by id only; their names are lot-service's. */
    private String providerName(JsonNode spendProvider) {
        String name = spendProvider.path("providerName").asText(null);
        if (name != null) {
            return name;
        }
        if (memberNames.isEmpty()) {
            for (String lotId : lots.keySet()) {
                commissioner.all(LOTS, "/lots/" + lotId + "/members?status=ALL").forEach(m ->
                        memberNames.put(m.path("providerId").asText(), m.path("providerName").asText()));
            }
        }
        return memberNames.getOrDefault(spendProvider.path("providerId").asText(), "?");
    }

    private final Map<String, String> memberNames = new java.util.HashMap<>();

    private String concentration() {
        readLots();
        JsonNode report = spendReport();
        TextTable table = new TextTable().left("Lot", 28).right("Committed").left("Largest two providers", 90)
                .right("Top-two share");
        for (JsonNode lot : report.path("byLot")) {
            String id = lot.path("lotId").asText(null);
            LotKind kind = id == null ? null : lots.get(id);
            boolean spot = id == null;
            if (kind == null && !spot) {
                continue;
            }
            List<String> top = new ArrayList<>();
            lot.path("topProviders").forEach(p -> top.add(providerName(p) + " "
                    + TextTable.percent(decimal(p.path("share")))));
            table.row(spot ? "Off the DPS (" + lot.path("serviceType").asText() + ")" : kind.shortName,
                    TextTable.pounds(decimal(lot.path("committed"))), String.join("; ", top),
                    TextTable.percent(decimal(lot.path("topTwoProviderShare"))));
        }
        JsonNode off = report.path("offContract");
        return table.render(2) + "  Off contract (spot purchases under exemptions): "
                + TextTable.pounds(decimal(off.path("committed"))) + " committed, "
                + TextTable.percent(decimal(off.path("shareOfCommitted"))) + " of the council's "
                + TextTable.short_(decimal(report.path("committed"))) + " in 2018/19.\n";
    }

    private String exemptions() {
        LocalDate today = today();
        List<JsonNode> expiring = commissioner.all(PLACEMENTS, "/exemptions?expiring=true");
        if (expiring.isEmpty()) {
            return "  None within the warning period.\n";
        }
        TextTable table = new TextTable().left("Service", 22).left("Valid until", 11).right("Days left")
                .left("Contract basis", 70);
        for (JsonNode e : expiring) {
            LocalDate until = LocalDate.parse(e.path("validUntil").asText());
            table.row(e.path("serviceType").asText(), until, ChronoUnit.DAYS.between(today, until),
                    e.path("contractBasis").asText());
        }
        return table.render(2) + "  Spot purchases stop when an exemption ends: call off the DPS lot instead.\n";
    }

    private String risk() {
        readLots();
        Map<String, JsonNode> members = new LinkedHashMap<>();
        Map<String, List<String>> lotsOf = new HashMap<>();
        for (Map.Entry<String, LotKind> lot : lots.entrySet()) {
            for (JsonNode m : commissioner.all(LOTS, "/lots/" + lot.getKey() + "/members?status=ALL")) {
                String id = m.path("providerId").asText();
                members.putIfAbsent(id, m);
                lotsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(lot.getValue().code
                        + ("SUSPENDED".equals(m.path("status").asText()) ? " (suspended)" : ""));
            }
        }
        Set<String> flagged = new java.util.LinkedHashSet<>();
        members.forEach((id, m) -> {
            if (lotsOf.get(id).stream().anyMatch(l -> l.endsWith("(suspended)"))) {
                flagged.add(id);
            }
        });
        Map<String, JsonNode> red = new HashMap<>();
        for (JsonNode p : commissioner.all(MONITORING, "/providers?rating=RED")) {
            String id = p.path("providerId").asText();
            if (members.containsKey(id)) {
                red.put(id, p);
                flagged.add(id);
            }
        }
        if (flagged.isEmpty()) {
            return "  None.\n";
        }
        StringBuilder text = new StringBuilder();
        TextTable table = new TextTable().left("Provider", 44).left("Lots", 24).left("Risk", 6)
                .right("Children placed").left("Why", 90);
        for (String id : flagged) {
            JsonNode quality = commissioner.get(MONITORING, "/providers/" + id + "/quality");
            List<String> reasons = new ArrayList<>();
            quality.path("risk").path("reasons").forEach(r -> reasons.add(r.asText()));
            table.row(members.get(id).path("providerName").asText(), String.join(", ", lotsOf.get(id)),
                    quality.path("risk").path("rating").asText("-"), quality.path("activePlacements").asText("-"),
                    reasons.isEmpty() ? "" : reasons.get(0));
        }
        text.append(table.render(2));
        text.append("  Suspended providers get no new call-offs; children already placed stay. Reinstatement is a "
                + "commissioner's decision.\n");
        return text.toString();
    }

    private String ids() {
        readLots();
        StringBuilder text = new StringBuilder("  DPS   ").append(dps.path("id").asText()).append('\n');
        lots.forEach((id, lot) -> text.append("  ").append(String.format("%-5s ", lot.code)).append(id).append("  ")
                .append(lot.shortName).append('\n'));
        for (JsonNode p : commissioner.all(PROVIDERS, "/providers?status=SUSPENDED")) {
            for (JsonNode m : p.path("memberships")) {
                if (lots.containsKey(m.path("lotId").asText())) {
                    text.append("  suspended provider ").append(p.path("id").asText()).append("  ")
                            .append(p.path("name").asText()).append('\n');
                    break;
                }
            }
        }
        return text.toString();
    }

    // ----- sufficiency and owner-group exposure (placement-service /reports/sufficiency, /reports/owner-groups) ----

    private String sufficiency() {
        return sufficiencyText(COUNCILS.getOrDefault(council, council),
                officer.get(PLACEMENTS, "/reports/sufficiency"),
                commissioner.get(PLACEMENTS, "/reports/sufficiency?council=joint"));
    }

    /** The council's figures beside the joint DPS's, one figure a row; lot prices by lot code. */
    static String sufficiencyText(String councilName, JsonNode own, JsonNode joint) {
        TextTable table = new TextTable().left("Figure", 48).right(councilName).right("Joint DPS");
        JsonNode[] both = {own, joint};
        figure(table, "Referrals raised", both, "referrals.raised");
        figure(table, "  placed through the DPS", both, "referrals.placed");
        figure(table, "  unmet", both, "referrals.unmet");
        figure(table, "  cancelled", both, "referrals.cancelled");
        figure(table, "  still open", both, "referrals.open");
        figure(table, "Days to place (raised to award), median", both, "timeToPlace.medianDays");
        figure(table, "Days to place, mean", both, "timeToPlace.meanDays");
        figure(table, "Invitations per referral called off", both, "invitations.invitationsPerReferral");
        figure(table, "Response rate (answered / invited)", both, "invitations.responseRatePercent", "%");
        figure(table, "Offer rate (offers / invited)", both, "invitations.offerRatePercent", "%");
        for (JsonNode decline : own.path("declinesByReason")) {
            String reason = decline.path("reason").asText();
            long jointCount = 0;
            for (JsonNode d : joint.path("declinesByReason")) {
                if (reason.equals(d.path("reason").asText())) {
                    jointCount = d.path("count").asLong();
                }
            }
            if (decline.path("count").asLong() > 0 || jointCount > 0) {
                table.row("  declined: " + reason.toLowerCase(Locale.ROOT).replace('_', ' '),
                        decline.path("count").asLong(), jointCount);
            }
        }
        figure(table, "Placements awarded", both, "placements");
        figure(table, "  20 miles or less from home", both, "distance.twentyMilesOrLess");
        figure(table, "  over 20 miles", both, "distance.overTwentyMiles");
        figure(table, "  inside the council's area", both, "distance.insideArea");
        figure(table, "  outside the council's area", both, "distance.outsideArea");
        figure(table, "  distance unknown (no home named)", both, "distance.unknown");
        figure(table, "Emergency places open now", both, "emergencyCapacity.places");
        figure(table, "  in settings", both, "emergencyCapacity.settings");
        figure(table, "Share placed with the top 5 providers", both, "concentration.topProvidersPercent", "%");
        figure(table, "Share placed with the top 5 owner groups", both, "concentration.topOwnerGroupsPercent", "%");
        Map<String, String[]> prices = new TreeMap<>();
        for (int i = 0; i < both.length; i++) {
            for (JsonNode lot : both[i].path("weeklyPriceByLot")) {
                String name = lot.path("lotCode").asText(lot.path("lotName").asText("-"));
                prices.computeIfAbsent(name, k -> new String[] {"-", "-"})[i] =
                        TextTable.poundsAndPence(decimal(lot.path("averageWeeklyPrice")));
            }
        }
        prices.forEach((lot, price) -> table.row("Average weekly price, " + lot, price[0], price[1]));
        return table.render(2) + "  Referral figures: referrals raised so far, as they stand; placements: those "
                + "awarded so far; emergency places: open, confirmed within 7 days, at active members.\n";
    }

    private static void figure(TextTable table, String label, JsonNode[] reports, String path) {
        figure(table, label, reports, path, "");
    }

    private static void figure(TextTable table, String label, JsonNode[] reports, String path, String unit) {
        Object[] cells = new Object[reports.length + 1];
        cells[0] = label;
        for (int i = 0; i < reports.length; i++) {
            JsonNode node = reports[i];
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            cells[i + 1] = node.isMissingNode() || node.isNull() ? "-" : node.asText() + unit;
        }
        table.row(cells);
    }

    private String ownerGroupExposure() {
        JsonNode groups = commissioner.get(PLACEMENTS, "/reports/owner-groups?size=5");
        JsonNode largest = groups.path("items").path(0);
        JsonNode failure = largest.isMissingNode() || largest.path("children").asLong() == 0 ? null
                : commissioner.get(PLACEMENTS, "/reports/owner-groups/" + largest.path("companiesHouseNumber").asText()
                        + "/failure");
        return ownerGroupsText(groups, failure);
    }

    /** The five groups with most children placed now, and the failure view of the first. */
    static String ownerGroupsText(JsonNode groups, JsonNode failure) {
        if (groups.path("items").isEmpty()) {
            return "  No setting names an owner group yet.\n";
        }
        TextTable table = new TextTable().left("Owner group", 40).left("Companies House", 15).right("Settings")
                .right("Places").right("Children").left("By council", 60).right("Weekly cost");
        for (JsonNode g : groups.path("items")) {
            List<String> councils = new ArrayList<>();
            g.path("byCouncil").forEach(c -> councils.add(c.path("council").asText() + " "
                    + c.path("children").asLong()));
            table.row(g.path("name").asText(), g.path("companiesHouseNumber").asText(), g.path("settings").asLong(),
                    g.path("places").asLong(), g.path("children").asLong(), String.join(", ", councils),
                    TextTable.pounds(decimal(g.path("weeklyCost"))));
        }
        StringBuilder text = new StringBuilder(table.render(2));
        if (failure == null) {
            return text.append("  No child is placed with an owner group now.\n").toString();
        }
        text.append("\n  If ").append(failure.path("name").asText()).append(" failed: ")
                .append(failure.path("children").asLong()).append(" children, ")
                .append(TextTable.pounds(decimal(failure.path("weeklyCost")))).append(" a week.\n");
        TextTable lots = new TextTable().left("Lot", 40).right("Children").right("Weekly cost")
                .right("Matching vacancies elsewhere").right("Places");
        for (JsonNode lot : failure.path("byLot")) {
            lots.row(lot.path("lotCode").asText("-") + " " + lot.path("lotName").asText(""),
                    lot.path("children").asLong(), TextTable.pounds(decimal(lot.path("weeklyCost"))),
                    lot.path("matchingVacancies").asLong(), lot.path("matchingPlaces").asLong());
        }
        return text.append(lots.render(2)).append("  Matching: open today at other groups' settings of active lot "
                + "members, taking the children's age bands, sexes and needs.\n").toString();
    }

    private static String stream(String code) {
        return STREAMS.getOrDefault(code, code);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
