package uk.gov.dps.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.gov.dps.demo.DemoApi.Reply;
import uk.gov.dps.demo.DemoApi.User;
import uk.gov.dps.demo.DemoData.BudgetPlan;
import uk.gov.dps.demo.DemoData.ContractPlan;
import uk.gov.dps.demo.DemoData.ExemptionPlan;
import uk.gov.dps.demo.DemoData.Fee;
import uk.gov.dps.demo.DemoData.FeeChange;
import uk.gov.dps.demo.DemoData.InHousePlan;
import uk.gov.dps.demo.DemoData.LotKind;
import uk.gov.dps.demo.DemoData.PlacementPlan;
import uk.gov.dps.demo.DemoData.ProviderPlan;
import uk.gov.dps.demo.DemoData.ReferralSpec;
import uk.gov.dps.demo.DemoData.ResponsePlan;
import uk.gov.dps.demo.DemoData.Share;
import uk.gov.dps.demo.DemoData.SpotPurchasePlan;

/**
 * Loads the demo ({@link DemoData}) into a running stack through the public REST APIs only, as the people who use
 * the platform would: a commissioner establishes the DPS and its four lots and decides on providers' applications;
 * monitoring officers of the ER4 partners record Ofsted judgements; a finance officer sets the 2018/19 budgets and
 * the tuition contract; placement officers raise a year of referrals, check in-house first, call off, and award the
 * offers providers make; an IFA placement is bought off the DPS under an exemption; and an Essex monitoring officer's
 * Inadequate judgement suspends a children's home.
 * <p>
 * Run it against services started with {@link #SERVICE_ENVIRONMENT} (the platform clock set to {@link #AS_OF}).
 * Running it again is harmless: what exists is found (by reference, name, or the referral's content) and skipped,
 * and every creating request carries an {@code Idempotency-Key} derived from {@link #DEMO_KEY}, so a retry replays
 * the first answer. Any unexpected answer stops it with the method, path, status and problem detail.
 */
public final class DemoLoader {

    /**
     * The moment the demo runs as of: Monday 4 March 2019, eleven months into the 2018/19 financial year, so a year
     * of placements has run, the tuition contract is about to end, and the exemptions ending on 30 June 2019 are
     * 118 days away, inside a warning period of {@value #EXEMPTION_WARNING_DAYS} days.
     */
    public static final String AS_OF = "2019-03-04T09:00:00Z";
    public static final int EXEMPTION_WARNING_DAYS = 120;
    /** What every service must be started with for the demo (the lead's `./dps demo` sets these). */
    public static final Map<String, String> SERVICE_ENVIRONMENT = Map.of(
            "DPS_CLOCK_AS_OF", AS_OF,
            "DPS_PLACEMENT_EXEMPTION_WARNING_DAYS", String.valueOf(EXEMPTION_WARNING_DAYS));
    /** Every Idempotency-Key the demo sends starts with this; change it only to load a second, separate demo. */
    public static final String DEMO_KEY = "dps-demo-2018-19";

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String LOTS = "lot-service";
    private static final String PROVIDERS = "provider-service";
    private static final String PLACEMENTS = "placement-service";
    private static final String MONITORING = "contract-monitoring-service";
    private static final String SPEND = "spend-service";

    /** What the demo made (or found): the ids the report and the e2e scenario look at. */
    public record Result(String dpsId, Map<LotKind, String> lotIds, Map<String, String> providerIds,
            String suspendedProviderId, Map<String, String> exemptionIds, Map<String, String> contractIds,
            Map<String, String> budgetIds, int placements, Duration elapsed) {

        public String lotId(LotKind lot) {
            return lotIds.get(lot);
        }
    }

    private final DemoApi api;
    private final PrintStream out;
    private final DemoData data = DemoData.build();

    private final User commissioner;
    private final User officer;
    private final User panel;
    private final User finance;

    private String dpsId;
    private final Map<LotKind, String> lotIds = new EnumMap<>(LotKind.class);
    /** Provider key (RES-01) → id, and the provider-service view of each, by id. */
    private final Map<String, String> providerIds = new LinkedHashMap<>();
    private final Map<String, JsonNode> providerViews = new HashMap<>();
    private final Set<String> registeredNow = new HashSet<>();
    private final Map<String, String> exemptionIds = new LinkedHashMap<>();
    private final Map<String, String> contractIds = new LinkedHashMap<>();
    private final Map<String, String> budgetIds = new LinkedHashMap<>();
    private LocalDate platformDate;
    /** What spend-service quoted, before each award, for the placements' 2018/19 (at their award fees). */
    private BigDecimal quoted = BigDecimal.ZERO;

    public DemoLoader(DemoStack stack, PrintStream out) {
        this(new DemoApi(stack), out);
    }

    DemoLoader(DemoApi api, PrintStream out) {
        this.api = api;
        this.out = out;
        this.commissioner = api.as("commissioner", DemoData.COUNCIL);
        this.officer = api.as("placement-officer", DemoData.COUNCIL);
        this.panel = api.as("panel", DemoData.COUNCIL);
        this.finance = api.as("finance-officer", DemoData.COUNCIL);
    }

    /** Loads the demo, printing a line per phase; then waits until spend-service has counted every placement. */
    public Result load() {
        long started = System.nanoTime();
        int requestsBefore = api.requests();
        out.println("Loading the demo: " + DemoData.DPS_TITLE + ", " + DemoData.COUNCIL + ", 2018/19 ("
                + data.summary() + ")");
        phase("platform clock", this::checkClock);
        phase("DPS and lots", () -> {
            int created = dpsAndLots();
            return DemoData.DPS_REFERENCE + ": " + lotIds.size() + " lots (" + created + " new)";
        });
        phase("providers registered", () -> {
            int registered = providers();
            return providerIds.size() + " (" + registered + " new)";
        });
        phase("applications decided", this::applications);
        phase("Ofsted judgements recorded", this::judgements);
        phase("budgets, contract, exemptions", this::money);
        phase("provider users", this::providerUsers);
        phase("settings and vacancies", this::settingsAndVacancies);
        int[] placements = {0};
        for (LotKind lot : LotKind.values()) {
            phase(lot.shortName, () -> {
                Counts counts = placements(lot);
                placements[0] += counts.placements;
                quoted = quoted.add(counts.quoted);
                return counts.toString();
            });
        }
        phase("off the DPS (spot purchases)", this::spotPurchases);
        phase("Inadequate judgement", this::inadequate);
        int all = placements[0] + data.spotPurchases.size();
        phase("spend figures", () -> spendSettled(all));
        phase("invoices and payments", this::invoicesAndPayments);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        out.printf("Demo loaded in %.1f s (%d requests). Next: the report (DemoReport), or try the APIs with "
                + "./dps token.%n", elapsed.toMillis() / 1000.0, api.requests() - requestsBefore);
        return new Result(dpsId, Map.copyOf(lotIds), Map.copyOf(providerIds),
                providerIds.get(data.inadequate.providerKey()), Map.copyOf(exemptionIds), Map.copyOf(contractIds),
                Map.copyOf(budgetIds), all, elapsed);
    }

    /** Prints the phase's name at once (some take a minute), then what it did and how long it took. */
    private void phase(String name, java.util.function.Supplier<String> work) {
        long since = System.nanoTime();
        out.printf("  %-34s ", name + " ...");
        out.flush();
        String counts;
        try {
            counts = work.get();
        } catch (RuntimeException e) {
            out.println("failed");
            throw e;
        }
        out.printf("%s  [%.1f s]%n", counts, (System.nanoTime() - since) / 1e9);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Clock
    // -------------------------------------------------------------------------------------------------------------

    /**
     * The day the services run as of, from spend-service's report ({@code asOf}); the demo needs a day in the
     * 2018/19 financial year. When spend-service cannot tell, the demo's own day is assumed (and said).
     */
    private String checkClock() {
        Optional<LocalDate> day = platformDate(api);
        if (day.isEmpty()) {
            platformDate = DemoData.AS_OF_DATE;
            return "spend-service did not say what day the platform runs as of; assuming " + platformDate;
        }
        LocalDate today = day.get();
        if (today.isBefore(LocalDate.of(2018, 4, 1)) || today.isAfter(LocalDate.of(2019, 3, 31))) {
            throw new DemoException("The services run as of " + today + ", not in the 2018/19 financial year the demo "
                    + "is about. Restart them with " + environmentText() + " (./dps demo does).");
        }
        platformDate = today;
        return "services run as of " + today;
    }

    /** The day the platform runs as of, as spend-service's spend report says (empty when it cannot tell). */
    public static Optional<LocalDate> platformDate(DemoStack stack) {
        return platformDate(new DemoApi(stack));
    }

    static Optional<LocalDate> platformDate(DemoApi api) {
        Reply reply = api.as("finance-officer", DemoData.COUNCIL).send("GET", SPEND, "/reports/spend?year="
                + DemoData.FINANCIAL_YEAR + "&size=1", null, null);
        String asOf = reply.status() == 200 ? reply.body().path("asOf").asText(null) : null;
        try {
            return asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code DPS_CLOCK_AS_OF=… DPS_PLACEMENT_EXEMPTION_WARNING_DAYS=…}. */
    public static String environmentText() {
        return SERVICE_ENVIRONMENT.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    // -------------------------------------------------------------------------------------------------------------
    // DPS, lots, providers
    // -------------------------------------------------------------------------------------------------------------

    private static String key(String what) {
        return DEMO_KEY + ":" + what;
    }

    private int dpsAndLots() {
        dpsId = commissioner.all(LOTS, "/dps").stream()
                .filter(d -> DemoData.DPS_REFERENCE.equals(d.path("reference").asText()))
                .map(d -> d.path("id").asText()).findFirst().orElse(null);
        if (dpsId == null) {
            // light-touch: the demo cascades IFA call-offs through tiers, which a PCR 2015 DPS may not
            ObjectNode body = DemoApi.object().put("reference", DemoData.DPS_REFERENCE).put("title", DemoData.DPS_TITLE)
                    .put("regime", "LIGHT_TOUCH_PSEUDO_DPS").put("validFrom", DemoData.DPS_VALID_FROM.toString())
                    .put("validTo", DemoData.DPS_VALID_TO.toString());
            DemoData.DPS_COUNCILS.forEach(body.putArray("councils")::add);
            dpsId = commissioner.post(LOTS, "/dps", body, key("dps"), 201).text("id");
        }
        Map<String, String> existing = new HashMap<>();
        commissioner.all(LOTS, "/dps/" + dpsId + "/lots")
                .forEach(l -> existing.put(l.path("code").asText(), l.path("id").asText()));
        int created = 0;
        for (LotKind lot : LotKind.values()) {
            String id = existing.get(lot.code);
            if (id == null) {
                ObjectNode body = DemoApi.object().put("code", lot.code).put("name", lot.lotName)
                        .put("serviceType", lot.serviceType).put("tiered", lot.tiered);
                lot.placementPatterns.forEach(body.putArray("placementPatterns")::add);
                ArrayNode categories = body.putArray("categories");
                lot.categories.forEach(c -> categories.addObject().put("code", c.code()).put("name", c.name()));
                lot.selectionCriteria.forEach(body.putArray("selectionCriteria")::add);
                id = commissioner.post(LOTS, "/dps/" + dpsId + "/lots", body, key("lot:" + lot.code), 201).text("id");
                created++;
            }
            lotIds.put(lot, id);
        }
        return created;
    }

    private int providers() {
        Map<String, JsonNode> byName = new HashMap<>();
        commissioner.all(PROVIDERS, "/providers").forEach(p -> byName.put(p.path("name").asText(), p));
        for (ProviderPlan plan : data.providers) {
            JsonNode view = byName.get(plan.name());
            if (view == null) {
                ObjectNode body = DemoApi.object().put("name", plan.name()).put("ofstedUrn", plan.ofstedUrn())
                        .put("postcode", plan.postcode()).put("address", plan.address());
                String number = String.format("%03d", data.providers.indexOf(plan) + 1);
                body.putArray("contacts").addObject().put("name", plan.contactName())
                        .put("jobTitle", "Contracts and placements manager")
                        .put("email", plan.key().toLowerCase() + ".placements@example.org")
                        .put("phone", "01632 960" + number);
                view = commissioner.post(PROVIDERS, "/providers", body, key("provider:" + plan.key()), 201).body();
                registeredNow.add(plan.key());
            }
            providerIds.put(plan.key(), view.path("id").asText());
            providerViews.put(view.path("id").asText(), view);
        }
        return registeredNow.size();
    }

    private String applications() {
        int admitted = 0;
        int rejected = 0;
        int already = 0;
        for (ProviderPlan plan : data.providers) {
            String providerId = providerIds.get(plan.key());
            String lotId = lotIds.get(plan.lot());
            if (isMember(providerViews.get(providerId), lotId)) {
                already++;
                continue;
            }
            JsonNode application = null;
            if (!registeredNow.contains(plan.key())) {
                application = commissioner.all(PROVIDERS, "/providers/" + providerId + "/applications").stream()
                        .filter(a -> lotId.equals(a.path("lotId").asText())).findFirst().orElse(null);
            }
            if (application != null && !"PENDING".equals(application.path("status").asText())) {
                already++; // decided before (a rejection; an admission would have made it a member)
                continue;
            }
            if (application == null) {
                application = commissioner.postWhenKnown(PROVIDERS, "/providers/" + providerId + "/applications",
                        applicationBody(plan, lotId), key("application:" + plan.key()),
                        r -> r.status() == 422 && r.body().path("detail").asText().contains("is not a lot"), 201)
                        .body();
            }
            if ("PENDING".equals(application.path("status").asText())) {
                ObjectNode decision = DemoApi.object().put("outcome", plan.admit() ? "ADMIT" : "REJECT")
                        .put("reasons", plan.admit() ? "Meets the selection criteria of lot " + plan.lot().code
                                : plan.rejectionReasons());
                if (plan.tier() != null) {
                    decision.put("tier", plan.tier());
                }
                commissioner.post(PROVIDERS, "/applications/" + application.path("id").asText() + "/decision",
                        decision, null, 200);
            }
            if (plan.admit()) {
                admitted++;
            } else {
                rejected++;
            }
        }
        return (admitted + rejected) + " decided now (" + admitted + " admitted, " + rejected + " rejected), "
                + already + " decided before";
    }

    private static boolean isMember(JsonNode providerView, String lotId) {
        for (JsonNode m : providerView.path("memberships")) {
            if (lotId.equals(m.path("lotId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode applicationBody(ProviderPlan plan, String lotId) {
        ObjectNode body = DemoApi.object().put("lotId", lotId);
        plan.categories().forEach(body.putArray("categories")::add);
        if (plan.tier() != null) {
            body.put("requestedTier", plan.tier());
        }
        ArrayNode answers = body.putArray("answers");
        answers.addObject().put("question", "Are you registered with Ofsted? Give the URN.")
                .put("answer", "Yes: " + plan.ofstedUrn());
        answers.addObject().put("question", "Do you accept the DPS terms and the individual placement agreement?")
                .put("answer", "Yes");
        answers.addObject().put("question", "Will you take part in the ER4 shared contract monitoring?")
                .put("answer", "Yes");
        ArrayNode evidence = body.putArray("evidence");
        if (plan.admit() || plan.lot() != LotKind.RESIDENTIAL) {
            evidence.addObject().put("type", "Employer's liability insurance")
                    .put("reference", "ELI-" + plan.ofstedUrn()).put("expiresOn", "2019-09-30");
        }
        evidence.addObject().put("type", "Safeguarding policy").put("reference", "SG-" + plan.key())
                .put("expiresOn", "2020-03-31");
        return body;
    }

    private String judgements() {
        int recorded = 0;
        int before = 0;
        Set<String> councils = new HashSet<>();
        for (ProviderPlan plan : data.providers) {
            if (plan.judgement() == null) {
                continue;
            }
            User monitoring = api.as("monitoring-officer", plan.recordingCouncil());
            Reply reply = monitoring.postWhenKnown(MONITORING, "/inspections",
                    inspection(providerIds.get(plan.key()), plan.ofstedUrn(), plan.judgement(), plan.inspectedOn(),
                            "Ofsted " + plan.ofstedUrn() + " inspection " + plan.inspectedOn()),
                    key("inspection:" + plan.key()),
                    r -> r.status() == 422 && r.body().path("detail").asText().contains("not known"), 201, 409);
            if (reply.status() == 201 && !reply.replayed()) {
                recorded++;
                councils.add(plan.recordingCouncil());
            } else {
                before++;
            }
        }
        return recorded + " now" + (councils.isEmpty() ? "" : " (by monitoring officers of "
                + String.join(", ", new java.util.TreeSet<>(councils)) + ")") + ", " + before + " before";
    }

    private static ObjectNode inspection(String providerId, String urn, String judgement, LocalDate on,
            String reference) {
        return DemoApi.object().put("providerId", providerId).put("settingUrn", urn).put("regulator", "OFSTED")
                .put("judgement", judgement).put("inspectedOn", on.toString()).put("reportReference", reference);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Budgets, contract, exemptions
    // -------------------------------------------------------------------------------------------------------------

    private String money() {
        int created = 0;
        for (ContractPlan plan : data.contracts) {
            String id = finance.all(SPEND, "/contracts").stream().filter(c -> plan.name().equals(c.path("name").asText()))
                    .map(c -> c.path("id").asText()).findFirst().orElse(null);
            if (id == null) {
                ObjectNode body = DemoApi.object().put("name", plan.name()).put("lotId", lotIds.get(plan.lot()))
                        .put("startDate", plan.startDate().toString()).put("endDate", plan.endDate().toString())
                        .put("value", plan.value());
                ArrayNode providers = body.putArray("providerIds");
                plan.providerKeys().forEach(k -> providers.add(providerIds.get(k)));
                id = finance.post(SPEND, "/contracts", body, key("contract:" + plan.key()), 201).text("id");
                created++;
            }
            contractIds.put(plan.key(), id);
        }
        List<JsonNode> lines = finance.all(SPEND, "/budgets?year=" + DemoData.FINANCIAL_YEAR);
        List<String> kept = new ArrayList<>();
        for (BudgetPlan plan : data.budgets) {
            String lotId = plan.lot() == null ? null : lotIds.get(plan.lot());
            String contractId = plan.contractKey() == null ? null : contractIds.get(plan.contractKey());
            JsonNode line = findBudget(lines, plan, lotId, contractId);
            if (line == null) {
                ObjectNode body = DemoApi.object().put("financialYear", DemoData.FINANCIAL_YEAR)
                        .put("fundingStream", plan.stream().name()).put("name", plan.name())
                        .put("amount", plan.amount());
                if (lotId != null) {
                    body.put("lotId", lotId);
                }
                if (contractId != null) {
                    body.put("contractId", contractId);
                }
                Reply reply = finance.post(SPEND, "/budgets", body, key("budget:" + plan.key()), 201, 409);
                if (reply.status() == 409) {
                    // the council already has a line for this stream and scope (set by someone else): use it
                    line = findBudget(finance.all(SPEND, "/budgets?year=" + DemoData.FINANCIAL_YEAR), plan, lotId,
                            contractId);
                    if (line == null) {
                        throw new DemoException(DemoApi.describe(reply) + ", but no such line is listed");
                    }
                    kept.add(plan.stream() + " line \"" + line.path("name").asText() + "\" (£"
                            + line.path("amount").asText() + ") existed and is kept");
                } else {
                    line = reply.body();
                    created++;
                }
            }
            budgetIds.put(plan.key(), line.path("id").asText());
        }
        List<JsonNode> exemptions = commissioner.all(PLACEMENTS, "/exemptions");
        for (ExemptionPlan plan : data.exemptions) {
            String id = exemptions.stream().filter(e -> plan.serviceType().equals(e.path("serviceType").asText())
                    && plan.validUntil().toString().equals(e.path("validUntil").asText())
                    && plan.contractBasis().equals(e.path("contractBasis").asText()))
                    .map(e -> e.path("id").asText()).findFirst().orElse(null);
            if (id == null) {
                ObjectNode body = DemoApi.object().put("serviceType", plan.serviceType()).put("reason", plan.reason())
                        .put("contractBasis", plan.contractBasis()).put("validUntil", plan.validUntil().toString());
                id = commissioner.post(PLACEMENTS, "/exemptions", body, key("exemption:" + plan.key()), 201)
                        .text("id");
                created++;
            }
            exemptionIds.put(plan.key(), id);
        }
        Set<String> expiring = new HashSet<>();
        commissioner.all(PLACEMENTS, "/exemptions?expiring=true").forEach(e -> expiring.add(e.path("id").asText()));
        String warning = expiring.containsAll(exemptionIds.values()) ? ""
                : "; NOT listed as near expiry: start placement-service with DPS_PLACEMENT_EXEMPTION_WARNING_DAYS="
                        + EXEMPTION_WARNING_DAYS;
        return data.budgets.size() + " budget lines for 2018/19, " + data.contracts.size() + " contract, "
                + data.exemptions.size() + " exemptions to " + DemoData.EXEMPTIONS_END + " (" + created + " new)"
                + (kept.isEmpty() ? "" : "; " + String.join("; ", kept)) + warning;
    }

    private static JsonNode findBudget(List<JsonNode> lines, BudgetPlan plan, String lotId, String contractId) {
        return lines.stream().filter(l -> plan.stream().name().equals(l.path("fundingStream").asText())
                && DemoData.FINANCIAL_YEAR == l.path("financialYear").asInt()
                && equalsOrNull(lotId, l.path("lotId")) && equalsOrNull(contractId, l.path("contractId")))
                .findFirst().orElse(null);
    }

    private static boolean equalsOrNull(String expected, JsonNode actual) {
        String value = actual.isMissingNode() || actual.isNull() ? null : actual.asText();
        return expected == null ? value == null : expected.equals(value);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Placements
    // -------------------------------------------------------------------------------------------------------------

    /** What happened to a lot's placements in this run. */
    private static final class Counts {
        int placements;
        int created;
        int calledOff;
        int offers;
        int declines;
        int started;
        int feeChanges;
        int ended;
        int inHouse;
        BigDecimal quoted = BigDecimal.ZERO;

        @Override
        public String toString() {
            return placements + " placements (" + created + " new referrals, " + calledOff + " call-offs, " + offers
                    + " offers, " + declines + " declines, " + started + " started, " + feeChanges + " fee changes, "
                    + ended + " ended" + (inHouse > 0 ? ", " + inHouse + " placed in-house" : "") + "), "
                    + TextTable.pounds(quoted) + " quoted for 2018/19 before award";
        }
    }

    /** Gets ready the Keycloak users of the providers that still have call-offs to answer. */
    private String providerUsers() {
        indexPlacements();
        Set<String> needed = new java.util.TreeSet<>();
        data.placements.stream().filter(this::needsAnswers)
                .forEach(p -> p.responses().forEach(r -> needed.add(providerIds.get(r.providerKey()))));
        api.warmProviderTokens(needed);
        return needed.size() + " provider users signed in (each provider answers its own call-offs)";
    }

    // -------------------------------------------------------------------------------------------------------------
    // Settings and vacancies (DemoSettings)
    // -------------------------------------------------------------------------------------------------------------

    /**
     * Each provider's own user registers its settings with their Statement of Purpose profiles and declares their
     * vacancies (available from the platform's date on); a setting registered by an earlier run is left as it is.
     */
    private String settingsAndVacancies() {
        List<DemoSettings.SettingPlan> plans = DemoSettings.read();
        int registered = 0;
        int declared = 0;
        for (DemoSettings.SettingPlan plan : plans) {
            String providerId = providerIds.get(plan.providerKey());
            String path = "/providers/" + providerId + "/settings";
            boolean known = commissioner.all(PROVIDERS, path).stream()
                    .anyMatch(s -> s.path("name").asText().equals(plan.name()));
            if (known) {
                continue;
            }
            User provider = api.provider(providerId);
            ObjectNode body = DemoApi.object().put("name", plan.name()).put("kind", plan.kind())
                    .put("ofstedUrn", plan.ofstedUrn()).put("dfeNumber", plan.dfeNumber())
                    .put("postcode", plan.postcode()).put("registeredPlaces", plan.registeredPlaces())
                    .put("forProfit", plan.forProfit());
            ObjectNode profile = body.putObject("profile").put("minAge", plan.minAge()).put("maxAge", plan.maxAge())
                    .put("emergencyAdmissions", plan.emergencyAdmissions()).put("soloPlacement", plan.soloPlacement())
                    .put("statementOfPurposeDate", plan.statementOfPurposeDate().toString());
            plan.sexes().forEach(profile.putArray("sexes")::add);
            plan.needs().forEach(profile.putArray("needs")::add);
            if (plan.ownerGroup() != null) {
                body.putObject("ownerGroup").put("name", plan.ownerGroup().name())
                        .put("companiesHouseNumber", plan.ownerGroup().companiesHouseNumber());
            }
            String settingId = provider.post(PROVIDERS, path, body, key("setting:" + plan.key()), 201).body()
                    .path("id").asText();
            registered++;
            for (DemoSettings.VacancyPlan vacancy : plan.vacancies()) {
                ObjectNode v = DemoApi.object().put("places", vacancy.places())
                        .put("availableFrom", platformDate.plusDays(vacancy.fromDaysAfterLoad()).toString())
                        .put("emergency", vacancy.emergency());
                if (vacancy.minAge() != null) {
                    v.put("minAge", vacancy.minAge());
                }
                if (vacancy.maxAge() != null) {
                    v.put("maxAge", vacancy.maxAge());
                }
                if (vacancy.needs() != null) {
                    vacancy.needs().forEach(v.putArray("needs")::add);
                }
                String vacancyId = provider.post(PROVIDERS, path + "/" + settingId + "/vacancies", v,
                        key("vacancy:" + vacancy.key()), 201).body().path("id").asText();
                if (vacancy.confirm()) {
                    provider.post(PROVIDERS, "/providers/" + providerId + "/vacancies/" + vacancyId + "/confirm", null,
                            null, 200);
                }
                declared++;
            }
        }
        return plans.size() + " settings (" + registered + " new), " + declared + " vacancies declared";
    }

    /** The council's referrals and placements already on the platform, to carry on where an earlier run stopped. */
    private Map<ReferralSpec, JsonNode> referralIndex;
    private Map<String, JsonNode> placementsByReferral;
    private Instant latestServiceTime;

    private void indexPlacements() {
        referralIndex = new HashMap<>();
        Map<String, LotKind> lotsById = new HashMap<>();
        lotIds.forEach((lot, id) -> lotsById.put(id, lot));
        for (JsonNode r : officer.all(PLACEMENTS, "/referrals")) {
            LotKind lot = lotsById.get(r.path("lotId").asText());
            if (lot != null) {
                referralIndex.put(spec(lot, r), r);
            }
        }
        placementsByReferral = new HashMap<>();
        for (JsonNode p : officer.all(PLACEMENTS, "/placements")) {
            String referralId = p.path("referralId").asText(null);
            if (referralId != null) {
                placementsByReferral.put(referralId, p);
            } else {
                placementsByReferral.put("spot:" + p.path("providerName").asText() + ":" + p.path("plannedStart")
                        .asText(), p);
            }
        }
    }

    static ReferralSpec spec(LotKind lot, JsonNode r) {
        List<String> needs = new ArrayList<>();
        r.path("needs").forEach(n -> needs.add(n.asText()));
        JsonNode weeks = r.path("expectedDurationWeeks");
        return new ReferralSpec(lot, r.path("category").asText(null), r.path("ageBand").asText(null),
                r.path("sex").asText(null), needs, r.path("postcodeDistrict").asText(null),
                r.path("siblingsToPlace").asInt(), r.path("emergency").asBoolean(),
                LocalDate.parse(r.path("wantedStart").asText()), weeks.isNumber() ? weeks.asInt() : null,
                r.path("placementPattern").asText(null), r.path("educationRequired").asBoolean(),
                r.path("therapyRequired").asBoolean());
    }

    private Counts placements(LotKind lot) {
        if (referralIndex == null) {
            indexPlacements();
        }
        Counts counts = new Counts();
        List<PlacementPlan> plans = data.placements(lot);
        List<PlacementPlan> open = plans.stream().filter(this::needsAnswers).toList();
        if (!open.isEmpty()) {
            awaitEligible(lot, open);
        }
        for (PlacementPlan plan : plans) {
            place(plan, counts);
            counts.placements++;
        }
        if (lot == LotKind.IFA) {
            for (InHousePlan plan : data.inHouse) {
                inHouse(plan, counts);
            }
        }
        return counts;
    }

    /** Whether the plan's call-off is still to come or under way (so its providers must be able to answer). */
    private boolean needsAnswers(PlacementPlan plan) {
        JsonNode referral = referralIndex.get(plan.referral());
        return referral == null || List.of("RAISED", "CALLED_OFF").contains(referral.path("status").asText());
    }

    /** placement-service learns the lot's members from provider-service's events: wait for those the demo needs. */
    private void awaitEligible(LotKind lot, List<PlacementPlan> open) {
        Set<String> needed = new HashSet<>();
        open.forEach(p -> p.responses().forEach(r -> needed.add(providerIds.get(r.providerKey()))));
        String lotId = lotIds.get(lot);
        DemoApi.eventually("placement-service sees the " + needed.size() + " providers the demo needs as members of "
                + lot.code, () -> {
                    Reply reply = officer.send("GET", PLACEMENTS, "/lots/" + lotId + "/eligible-providers?size=200", null, null);
                    if (reply.status() != 200) {
                        return false;
                    }
                    Set<String> eligible = new HashSet<>();
                    reply.body().path("items").forEach(e -> eligible.add(e.path("providerId").asText()));
                    return eligible.containsAll(needed);
                });
    }

    private void place(PlacementPlan plan, Counts counts) {
        counts.quoted = counts.quoted.add(quote(plan));
        String lotId = lotIds.get(plan.lot());
        JsonNode referral = referralIndex.get(plan.referral());
        boolean fresh = false;
        if (referral == null) {
            Reply raised = officer.post(PLACEMENTS, "/referrals", referralBody(plan.referral(), lotId),
                    key("referral:" + plan.key()), 201);
            referral = raised.replayed() ? officer.get(PLACEMENTS, "/referrals/" + raised.text("id")) : raised.body();
            fresh = !raised.replayed();
            noteServiceTime(referral.path("raisedAt").asText(null));
            counts.created++;
        }
        String referralId = referral.path("id").asText();
        String status = referral.path("status").asText();
        if ("RAISED".equals(status)) {
            if (referral.path("inHouseOutcome").isNull() || referral.path("inHouseOutcome").isMissingNode()) {
                officer.post(PLACEMENTS, "/referrals/" + referralId + "/in-house-check", DemoApi.object()
                        .put("outcome", "NOT_AVAILABLE").put("notes", inHouseNote(plan)), null, 200);
            }
            callOff(plan, referralId);
            counts.calledOff++;
            status = "CALLED_OFF";
            fresh = true;
        }
        JsonNode placement;
        if ("CALLED_OFF".equals(status)) {
            String offerId = respond(plan, referralId, fresh, counts);
            JsonNode evaluation = officer.get(PLACEMENTS, "/referrals/" + referralId + "/evaluation");
            Reply award = officer.post(PLACEMENTS, "/referrals/" + referralId + "/award",
                    awardBody(plan, offerId, evaluation), key("award:" + plan.key()), 201, 202);
            if (award.status() == 202) {
                // the award needs the County Resourcing Panel: the council's panel approves it
                placement = panelApproves(plan, award.text("id"));
            } else {
                // a replayed award shows the placement as it was then: read it as it is now
                placement = award.replayed() ? officer.get(PLACEMENTS, "/placements/" + award.text("id"))
                        : award.body();
            }
            fresh = !award.replayed();
        } else if ("AWAITING_PANEL".equals(status)) {
            // a run stopped between the award and the panel's decision
            JsonNode pending = panel.get(PLACEMENTS, "/panel-requests?status=PENDING&referral=" + referralId)
                    .path("items").path(0);
            if (pending.isMissingNode()) {
                throw new DemoException("referral " + referralId + " (" + plan.key() + ") awaits the panel but "
                        + "placement-service lists no pending panel request for it");
            }
            placement = panelApproves(plan, pending.path("id").asText());
            fresh = true;
        } else if ("AWARDED".equals(status)) {
            placement = placementsByReferral.get(referralId);
            if (placement == null) {
                throw new DemoException("referral " + referralId + " (" + plan.key() + ") is AWARDED but "
                        + "placement-service lists no placement for it");
            }
        } else {
            throw new DemoException("referral " + referralId + " (" + plan.key() + ") is " + status
                    + ": the demo cannot carry on with it. Start from a clean stack: ./dps reset --yes");
        }
        lifecycle(plan, placement, fresh, counts);
    }

    /**
     * What the placement commits in 2018/19 at its award fee, as spend-service quotes it to the placement officer
     * before the award (asked on every run: a quote stores nothing).
     */
    private BigDecimal quote(PlacementPlan plan) {
        ObjectNode body = DemoApi.object().put("weeklyFee", plan.awardFee().total())
                .put("placementPattern", plan.referral().placementPattern()).put("startDate", plan.start().toString());
        if (plan.end() != null) {
            body.put("endDate", plan.end().toString());
        }
        body.set("fundingShares", shares(plan.shares()));
        for (JsonNode year : officer.post(SPEND, "/quotes", body, null, 200).body().path("byFinancialYear")) {
            if (year.path("financialYear").asInt() == DemoData.FINANCIAL_YEAR) {
                return year.path("committed").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private void inHouse(InHousePlan plan, Counts counts) {
        if (referralIndex.containsKey(plan.referral())) {
            JsonNode r = referralIndex.get(plan.referral());
            if (!"RAISED".equals(r.path("status").asText())) {
                return;
            }
        }
        JsonNode referral = referralIndex.get(plan.referral());
        if (referral == null) {
            referral = officer.post(PLACEMENTS, "/referrals", referralBody(plan.referral(), lotIds.get(LotKind.IFA)),
                    key("referral:" + plan.key()), 201).body();
            counts.created++;
        }
        Reply check = officer.post(PLACEMENTS, "/referrals/" + referral.path("id").asText() + "/in-house-check",
                DemoApi.object().put("outcome", "AVAILABLE").put("notes", plan.notes()), null, 200, 409);
        if (check.status() == 200) {
            counts.inHouse++;
        }
    }

    private static String inHouseNote(PlacementPlan plan) {
        return switch (plan.lot()) {
            case RESIDENTIAL -> "No vacancy in the council's own children's homes that matches";
            case IFA -> "No in-house foster carer available who matches the child's needs";
            case SPECIAL_SCHOOL -> "No place at a maintained special school in the county can meet the EHC plan";
            case TUITION -> "District team tutors are at capacity";
        };
    }

    private void noteServiceTime(String instant) {
        if (instant == null) {
            return;
        }
        try {
            Instant at = Instant.parse(instant);
            if (latestServiceTime == null || at.isAfter(latestServiceTime)) {
                latestServiceTime = at;
            }
        } catch (RuntimeException ignored) {
            // a time we cannot read tells us nothing
        }
    }

    /** Four weeks after the platform's now: room for every answer, whatever the order of this run. */
    private Instant respondBy() {
        Instant floor = platformDate.atTime(LocalTime.of(17, 0)).atZone(UK).toInstant();
        Instant now = latestServiceTime != null && latestServiceTime.isAfter(floor) ? latestServiceTime : floor;
        return now.plus(Duration.ofDays(28));
    }

    private void callOff(PlacementPlan plan, String referralId) {
        ObjectNode body = DemoApi.object();
        if (plan.cascade()) {
            body.put("cascadeWindow", "PT24H");
        } else {
            body.put("respondBy", respondBy().toString());
        }
        JsonNode invitations = officer.post(PLACEMENTS, "/referrals/" + referralId + "/call-off", body, null, 200)
                .body();
        Set<String> invited = new HashSet<>();
        invitations.forEach(i -> invited.add(i.path("providerId").asText()));
        for (ResponsePlan response : plan.responses()) {
            if (!invited.contains(providerIds.get(response.providerKey()))) {
                throw new DemoException("the call-off of referral " + referralId + " (" + plan.key() + ") did not "
                        + "invite " + data.provider(response.providerKey()).name() + ": placement-service does not see "
                        + "it as an active member of " + plan.lot().code + " serving " + plan.referral().category());
            }
        }
    }

    /** Sends the answers not yet given; returns the winning offer's id. */
    private String respond(PlacementPlan plan, String referralId, boolean fresh, Counts counts) {
        Map<String, JsonNode> given = new HashMap<>();
        if (!fresh) {
            JsonNode responses = officer.get(PLACEMENTS, "/referrals/" + referralId + "/offers");
            responses.forEach(r -> given.put(r.path("providerId").asText(), r));
        }
        String winningOffer = null;
        for (ResponsePlan response : plan.responses()) {
            String providerId = providerIds.get(response.providerKey());
            JsonNode answer = given.get(providerId);
            if (answer == null) {
                User provider = api.provider(providerId);
                if (response.isOffer()) {
                    answer = provider.post(PLACEMENTS, "/referrals/" + referralId + "/offers",
                            offerBody(response, plan.start()), key("offer:" + plan.key() + ":" + response.providerKey()),
                            201).body();
                    counts.offers++;
                } else {
                    answer = provider.post(PLACEMENTS, "/referrals/" + referralId + "/declines", DemoApi.object()
                            .put("reason", response.declineReason()).put("detail", response.declineDetail()), null,
                            201).body();
                    counts.declines++;
                }
            }
            if (response.providerKey().equals(plan.winnerKey())) {
                winningOffer = answer.path("id").asText();
            }
        }
        return winningOffer;
    }

    private void lifecycle(PlacementPlan plan, JsonNode placement, boolean fresh, Counts counts) {
        String id = placement.path("id").asText();
        String status = placement.path("status").asText();
        if ("AWARDED".equals(status)) {
            officer.post(PLACEMENTS, "/placements/" + id + "/start",
                    DemoApi.object().put("startDate", plan.start().toString()), null, 200);
            counts.started++;
            status = "STARTED";
        }
        if (!plan.feeChanges().isEmpty()) {
            Set<String> done = new HashSet<>();
            if (!fresh) {
                officer.get(PLACEMENTS, "/placements/" + id).path("feeChanges")
                        .forEach(c -> done.add(c.path("effectiveFrom").asText()));
            }
            for (FeeChange change : plan.feeChanges()) {
                if (done.contains(change.effectiveFrom().toString())) {
                    continue;
                }
                if ("ENDED".equals(status)) {
                    throw new DemoException("placement " + id + " (" + plan.key() + ") ended before its planned fee "
                            + "change of " + change.effectiveFrom() + " was recorded: start from a clean stack");
                }
                ObjectNode body = DemoApi.object().put("effectiveFrom", change.effectiveFrom().toString())
                        .put("reason", change.reason());
                body.set("weeklyFee", fee(change.fee()));
                officer.post(PLACEMENTS, "/placements/" + id + "/fee-changes", body, null, 200);
                counts.feeChanges++;
            }
        }
        if (plan.end() != null && !"ENDED".equals(status)) {
            ObjectNode end = DemoApi.object().put("endDate", plan.end().toString()).put("endType", plan.endType());
            // the SSDA903 codes: REC for homes and fostering, the reason for the change for a move and the rest
            if (plan.reasonEpisodeCeased() != null) {
                end.put("reasonEpisodeCeased", plan.reasonEpisodeCeased());
            }
            if (plan.reasonPlaceChange() != null) {
                end.put("reasonPlaceChange", plan.reasonPlaceChange());
            }
            officer.post(PLACEMENTS, "/placements/" + id + "/end", end, null, 200);
            counts.ended++;
        }
    }

    private static ObjectNode referralBody(ReferralSpec r, String lotId) {
        ObjectNode body = DemoApi.object().put("lotId", lotId).put("category", r.category()).put("ageBand", r.ageBand())
                .put("sex", r.sex()).put("postcodeDistrict", r.postcodeDistrict())
                .put("siblingsToPlace", r.siblingsToPlace()).put("emergency", r.emergency())
                .put("wantedStart", r.wantedStart().toString()).put("placementPattern", r.placementPattern())
                .put("educationRequired", r.educationRequired()).put("therapyRequired", r.therapyRequired());
        r.needs().forEach(body.putArray("needs")::add);
        if (r.expectedDurationWeeks() != null) {
            body.put("expectedDurationWeeks", r.expectedDurationWeeks());
        }
        return body;
    }

    private static ObjectNode offerBody(ResponsePlan response, LocalDate start) {
        ObjectNode body = DemoApi.object();
        body.set("weeklyFee", fee(response.offer()));
        body.put("proposedStart", start.toString()).put("homeReference", response.homeReference());
        response.needsMet().forEach(body.putArray("needsMet")::add);
        return body;
    }

    private ObjectNode awardBody(PlacementPlan plan, String offerId, JsonNode evaluation) {
        ObjectNode body = DemoApi.object().put("offerId", offerId);
        body.set("fundingShares", shares(plan.shares()));
        JsonNode ranked = DemoApi.JSON.missingNode();
        for (JsonNode r : evaluation) {
            if (offerId.equals(r.path("offerId").asText())) {
                ranked = r;
            }
        }
        if (plan.parentalPreference()) {
            // the history records the school as named in the child's EHC plan
            body.putObject("parentalPreference").put("school", ranked.path("providerName").asText())
                    .put("basis", "EHCP_NAMED_SCHOOL");
        }
        if (ranked.path("rank").asInt() != 1) {
            body.put("justification", "Chosen over the first-ranked offer for the child's needs and location, as "
                    + "recorded in the council's placement history");
        }
        body.put("plannedStart", plan.start().toString());
        return body;
    }

    /**
     * The panel of the council approves a panel request (the history's panel minute is its reason) and the
     * placement it made is read. A request decided by an earlier run is not decided again.
     */
    private JsonNode panelApproves(PlacementPlan plan, String requestId) {
        JsonNode request = panel.get(PLACEMENTS, "/panel-requests/" + requestId).path("request");
        if ("PENDING".equals(request.path("status").asText())) {
            String minute = plan.panelApprovalReference() != null ? plan.panelApprovalReference() : "the panel";
            request = panel.post(PLACEMENTS, "/panel-requests/" + requestId + "/decision", DemoApi.object()
                    .put("decision", "APPROVED").put("reasons", "Approved by the County Resourcing Panel, minute "
                            + minute), null, 200).body();
        }
        if (!"APPROVED".equals(request.path("status").asText())) {
            throw new DemoException("panel request " + requestId + " (" + plan.key() + ") is "
                    + request.path("status").asText() + ": the demo cannot carry on with it");
        }
        return officer.get(PLACEMENTS, "/placements/" + request.path("placementId").asText());
    }

    private static ArrayNode shares(List<Share> shares) {
        ArrayNode array = DemoApi.JSON.createArrayNode();
        shares.forEach(s -> array.addObject().put("stream", s.stream().name()).put("percent", s.percent()));
        return array;
    }

    static ObjectNode fee(Fee fee) {
        return DemoApi.object().put("core", fee.core()).put("additionalStaffing", fee.additionalStaffing())
                .put("education", fee.education()).put("therapy", fee.therapy());
    }

    // -------------------------------------------------------------------------------------------------------------
    // Off the DPS, the Inadequate judgement, spend
    // -------------------------------------------------------------------------------------------------------------

    private String spotPurchases() {
        int created = 0;
        for (SpotPurchasePlan plan : data.spotPurchases) {
            JsonNode placement = placementsByReferral.get("spot:" + plan.providerName() + ":" + plan.start());
            if (placement == null) {
                ObjectNode body = DemoApi.object().put("exemptionId", exemptionIds.get(plan.exemptionKey()))
                        .put("providerName", plan.providerName()).put("placementPattern", plan.pattern())
                        .put("startDate", plan.start().toString());
                body.set("weeklyFee", fee(plan.fee()));
                body.set("fundingShares", shares(plan.shares()));
                placement = officer.post(PLACEMENTS, "/spot-purchases", body, key("spot:" + plan.key()), 201).body();
                created++;
            }
            if ("AWARDED".equals(placement.path("status").asText())) {
                Reply started = officer.post(PLACEMENTS, "/placements/" + placement.path("id").asText() + "/start",
                        DemoApi.object().put("startDate", plan.start().toString()), null, 200, 409);
                // 409: a replayed spot purchase shows its first answer (AWARDED); it had started since
                started.status();
            }
        }
        return data.spotPurchases.size() + " IFA placements under the exemption to " + DemoData.EXEMPTIONS_END + " ("
                + created + " new)";
    }

    private String inadequate() {
        DemoData.InadequatePlan plan = data.inadequate;
        ProviderPlan provider = data.provider(plan.providerKey());
        String providerId = providerIds.get(plan.providerKey());
        User monitoring = api.as("monitoring-officer", plan.recordingCouncil());
        monitoring.postWhenKnown(MONITORING, "/inspections", inspection(providerId, provider.ofstedUrn(), "INADEQUATE",
                plan.inspectedOn(), plan.reportReference()), key("inspection:inadequate:" + plan.providerKey()),
                r -> r.status() == 422 && r.body().path("detail").asText().contains("not known"), 201, 409);
        DemoApi.eventually("provider-service suspends " + provider.name() + " after the Inadequate judgement", () -> {
            JsonNode memberships = commissioner.get(PROVIDERS, "/providers/" + providerId).path("memberships");
            if (memberships.isEmpty()) {
                return false;
            }
            for (JsonNode m : memberships) {
                if (!"SUSPENDED".equals(m.path("status").asText())) {
                    return false;
                }
            }
            return true;
        });
        String rating = commissioner.get(MONITORING, "/providers/" + providerId + "/quality").path("risk")
                .path("rating").asText("?");
        return provider.name() + " judged Inadequate on " + plan.inspectedOn() + " (recorded by " + plan.recordingCouncil()
                + "'s monitoring officer): suspended, risk " + rating;
    }

    /**
     * spend-service counts placements from their events: waits until its report for 2018/19 counts the demo's
     * placements in the demo's lots, then until its figures stop moving.
     */
    private String spendSettled(int expected) {
        Set<String> demoLots = new HashSet<>(lotIds.values());
        int[] counted = {-1};
        String[] committed = {null};
        Reply probe = finance.send("GET", SPEND, "/reports/spend?year=" + DemoData.FINANCIAL_YEAR + "&size=1", null,
                null);
        if (probe.status() != 200) {
            return "not checked: " + DemoApi.describe(probe);
        }
        try {
            awaitSpend(finance, demoLots, expected, counted, committed);
        } catch (DemoException e) {
            return "spend-service counted " + counted[0] + " of the demo's " + expected + " placements within "
                    + DemoApi.PATIENCE.toSeconds() + " s; the report may not show them all yet";
        }
        String total;
        try {
            total = TextTable.pounds(new BigDecimal(committed[0]));
        } catch (RuntimeException e) {
            total = "£" + committed[0];
        }
        return counted[0] + " placements counted, " + total + " committed by the council in 2018/19 (quoted "
                + TextTable.pounds(quoted) + " at the award fees, before fee changes and spot purchases)";
    }

    /**
     * Providers invoice four weeks of some residential placements; finance approves (a flagged one with its reason)
     * and pays most of them. Idempotent like the rest: a second run finds them submitted, decided and paid.
     */
    private String invoicesAndPayments() {
        indexPlacements();
        Map<String, PlacementPlan> byKey = new HashMap<>();
        data.placements.forEach(p -> byKey.put(p.key(), p));
        int submitted = 0;
        int flagged = 0;
        int approved = 0;
        int paid = 0;
        for (DemoData.InvoicePlan plan : data.invoices()) {
            JsonNode referral = referralIndex.get(byKey.get(plan.placementKey()).referral());
            JsonNode placement = referral == null ? null : placementsByReferral.get(referral.path("id").asText());
            if (placement == null) {
                throw new DemoException("placement " + plan.placementKey() + " is not on the platform: the invoices "
                        + "need it");
            }
            User provider = api.provider(placement.path("providerId").asText());
            ObjectNode body = DemoApi.object().put("invoiceNumber", plan.invoiceNumber())
                    .put("placementId", placement.path("id").asText()).put("periodFrom", plan.periodFrom().toString())
                    .put("periodTo", plan.periodTo().toString()).put("amount", plan.amount())
                    .put("receivedOn", plan.receivedOn().toString());
            Reply sent = provider.postWhenKnown(SPEND, "/invoices", body, key("invoice:" + plan.invoiceNumber()),
                    r -> r.status() == 404, 201);
            JsonNode invoice = finance.get(SPEND, "/invoices/" + sent.text("id"));
            submitted++;
            if (invoice.path("flagged").asBoolean()) {
                flagged++;
            }
            String id = invoice.path("id").asText();
            if (plan.approve() && "SUBMITTED".equals(invoice.path("status").asText())) {
                ObjectNode decision = DemoApi.object();
                if (plan.approvalReason() != null) {
                    decision.put("reason", plan.approvalReason());
                }
                invoice = finance.post(SPEND, "/invoices/" + id + "/approve", decision, null, 200).body();
            }
            if (!"SUBMITTED".equals(invoice.path("status").asText())) {
                approved++;
            }
            if (plan.paidOn() != null) {
                // the payment reference makes a second run's payment answer the first (200)
                finance.post(SPEND, "/payments", DemoApi.object().put("invoiceId", id)
                        .put("paidOn", plan.paidOn().toString()).put("paymentReference", plan.paymentReference()),
                        null, 201, 200);
                paid++;
            }
        }
        return submitted + " invoices (" + flagged + " flagged against the agreement), " + approved + " approved, "
                + paid + " paid";
    }

    private static void awaitSpend(User finance, Set<String> demoLots, int expected, int[] counted,
            String[] committed) {
        // polled every 400 ms: the figures are settled when two polls in a row agree
        DemoApi.eventually("spend-service counts the demo's " + expected + " placements in 2018/19",
                Duration.ofMillis(400), () -> {
            JsonNode report = finance.get(SPEND, "/reports/spend?year=" + DemoData.FINANCIAL_YEAR + "&size=1");
            int count = 0;
            for (JsonNode lot : report.path("byLot")) {
                boolean demoLot = demoLots.contains(lot.path("lotId").asText());
                boolean spot = (lot.path("lotId").isNull() || lot.path("lotId").isMissingNode())
                        && "IFA".equals(lot.path("serviceType").asText());
                if (demoLot || spot) {
                    count += lot.path("placements").asInt();
                }
            }
            String total = report.path("committed").asText();
            boolean stable = count >= expected && count == counted[0] && total.equals(committed[0]);
            counted[0] = count;
            committed[0] = total;
            return stable;
        });
    }
}
