package uk.gov.dps.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import uk.gov.dps.demo.SpendArithmetic.FeeStep;
import uk.gov.dps.demo.SpendArithmetic.Pattern;

/**
 * An in-memory stand-in for the five services, as far as the demo uses them: the same paths, roles, request and
 * response shapes and status codes as their REST resources, with the rules the demo meets (idempotency keys,
 * in-house check before call-off, invitations, a decision once, one award, a start once, Inadequate suspends).
 * Service "learning" from events is simulated: the first application to a new lot is refused as provider-service
 * does before it has heard of the lot. Spend figures follow {@link SpendArithmetic}. Not a test of the services:
 * a test of the demo's flow, its re-runs and its report.
 */
final class FakeStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = DemoData.AS_OF_DATE;

    private final HttpServer server;
    private final Map<String, ObjectNode> dps = new LinkedHashMap<>();
    private final Map<String, ObjectNode> lots = new LinkedHashMap<>();
    private final Map<String, ObjectNode> providers = new LinkedHashMap<>();
    private final Map<String, ObjectNode> applications = new LinkedHashMap<>();
    private final Map<String, ObjectNode> referrals = new LinkedHashMap<>();
    private final Map<String, List<String>> invitations = new HashMap<>();
    private final Map<String, ObjectNode> responses = new LinkedHashMap<>();
    private final Map<String, ObjectNode> placements = new LinkedHashMap<>();
    private final Map<String, ObjectNode> exemptions = new LinkedHashMap<>();
    private final Map<String, ObjectNode> budgets = new LinkedHashMap<>();
    private final Map<String, ObjectNode> contracts = new LinkedHashMap<>();
    private final List<ObjectNode> inspections = new ArrayList<>();
    private final Map<String, String[]> idempotency = new HashMap<>();
    private final Map<String, Boolean> lotKnownToProviders = new HashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** When set, the request that matches it fails with a 500, once. */
    volatile Predicate<String> failOnce;

    static {
        // the JDK's server writes headers and body apart: without this, delayed ACKs cost 40 ms a request
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeStack() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    /** Tokens the fake reads: a JWT-shaped string carrying role, council and provider. */
    static String token(String role, String council, String providerId) {
        ObjectNode claims = JSON.createObjectNode().put("role", role).put("council", council)
                .put("exp", Instant.now().plusSeconds(1_800).getEpochSecond());
        if (providerId != null) {
            claims.put("provider_id", providerId);
        }
        return "e30." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString()
                .getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    /** How many of each kind of thing were created or changed (replays excluded). */
    synchronized Map<String, Integer> counts() {
        return new LinkedHashMap<>(counts);
    }

    int count(String what) {
        return counts.getOrDefault(what, 0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // -------------------------------------------------------------------------------------------------------------

    private record Answer(int status, JsonNode body) {
    }

    private record Call(String method, String service, String path, Map<String, String> query, JsonNode body,
            JsonNode claims) {

        String role() {
            return claims.path("role").asText();
        }

        String council() {
            return claims.path("council").asText();
        }

        String[] parts() {
            return path.substring(1).split("/");
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            String service = raw.substring(1, raw.indexOf('/', 1));
            String path = raw.substring(raw.indexOf('/', 1));
            Map<String, String> query = new HashMap<>();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(auth.substring("Bearer ".length())
                    .split("\\.")[1]));
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            JsonNode body = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
            Call call = new Call(exchange.getRequestMethod(), service, path, query, body, claims);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String owner = call.role() + "|" + call.council() + "|" + claims.path("provider_id").asText("");
            Answer answer;
            boolean replayed = false;
            if (key != null && idempotency.containsKey(owner + key)) {
                String[] stored = idempotency.get(owner + key);
                answer = stored[0].equals(body.toString()) ? new Answer(Integer.parseInt(stored[1]),
                        JSON.readTree(stored[2])) : problem(422, "Idempotency-Key " + key + " was already used for a "
                                + "different request.");
                replayed = true;
            } else if (failOnce != null && failOnce.test(call.method() + " " + service + " " + path)) {
                failOnce = null;
                answer = problem(500, "incident 42");
            } else {
                answer = route(call);
                if (key != null && answer.status() / 100 == 2) {
                    idempotency.put(owner + key, new String[] {body.toString(), String.valueOf(answer.status()),
                            answer.body().toString()});
                }
            }
            byte[] out = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.status() >= 400 ? "application/problem+json"
                    : "application/json");
            if (replayed) {
                exchange.getResponseHeaders().add("Idempotency-Replayed", "true");
            }
            exchange.sendResponseHeaders(answer.status(), out.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(out);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body);
    }

    private Answer created(String what, JsonNode body) {
        counts.merge(what, 1, Integer::sum);
        return new Answer(201, body);
    }

    private static Answer problem(int status, String detail) {
        return new Answer(status, JSON.createObjectNode().put("type", "about:blank").put("title", "Problem")
                .put("status", status).put("detail", detail));
    }

    private static ObjectNode page(List<? extends JsonNode> all, Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "50"));
        ObjectNode result = JSON.createObjectNode();
        ArrayNode items = result.putArray("items");
        all.stream().skip((long) page * size).limit(size).forEach(items::add);
        result.put("page", page).put("size", size).put("hasNext", all.size() > (page + 1) * size);
        return result;
    }

    private Answer route(Call c) {
        String[] p = c.parts();
        String route = c.method() + " " + c.service() + " " + p[0] + (p.length > 2 ? " /" + p[2] : "");
        return switch (route) {
            case "GET lot-service dps" -> p.length == 1 ? ok(page(List.copyOf(dps.values()), c.query()))
                    : ok(dps.get(p[1]));
            case "POST lot-service dps" -> p.length == 1 ? establish(c) : null;
            case "GET lot-service dps /lots" -> ok(page(lots.values().stream()
                    .filter(l -> l.path("dpsId").asText().equals(p[1])).toList(), c.query()));
            case "POST lot-service dps /lots" -> createLot(c, p[1]);
            case "GET lot-service lots /members" -> ok(page(members(p[1], c.query().get("status")), c.query()));
            case "GET provider-service providers" -> p.length == 1 ? ok(page(providers.values().stream()
                    .filter(v -> c.query().get("status") == null || v.path("memberships").findValuesAsText("status")
                            .contains(c.query().get("status"))).toList(), c.query())) : ok(providers.get(p[1]));
            case "POST provider-service providers" -> register(c);
            case "GET provider-service providers /applications" -> ok(page(applications.values().stream()
                    .filter(a -> a.path("providerId").asText().equals(p[1])).toList(), c.query()));
            case "POST provider-service providers /applications" -> apply(c, p[1]);
            case "POST provider-service applications /decision" -> decide(c, p[1]);
            case "POST contract-monitoring-service inspections" -> inspect(c);
            case "GET contract-monitoring-service providers" -> ok(page(providers.values().stream()
                    .filter(v -> "RED".equals(v.path("_risk").asText("GREEN"))).map(this::summary).toList(),
                    c.query()));
            case "GET contract-monitoring-service providers /quality" -> ok(quality(p[1]));
            case "GET placement-service exemptions" -> ok(page(exemptions.values().stream()
                    .map(this::exemptionView).filter(e -> !"true".equals(c.query().get("expiring"))
                            || e.path("expiring").asBoolean()).toList(), c.query()));
            case "POST placement-service exemptions" -> exemption(c);
            case "GET placement-service lots /eligible-providers" -> ok(page(java.util.stream.StreamSupport.stream(
                    eligible(p[1], null, null).spliterator(), false).toList(), c.query()));
            case "GET placement-service referrals" -> p.length == 1 ? ok(page(List.copyOf(referrals.values()),
                    c.query())) : ok(referrals.get(p[1]));
            case "POST placement-service referrals" -> p.length == 1 ? raise(c) : null;
            case "POST placement-service referrals /in-house-check" -> inHouse(c, p[1]);
            case "POST placement-service referrals /call-off" -> callOff(c, p[1]);
            case "POST placement-service referrals /offers" -> respond(c, p[1], true);
            case "POST placement-service referrals /declines" -> respond(c, p[1], false);
            case "GET placement-service referrals /offers" -> ok(JSON.valueToTree(responses.values().stream()
                    .filter(r -> r.path("referralId").asText().equals(p[1])).toList()));
            case "GET placement-service referrals /evaluation" -> ok(JSON.createArrayNode());
            case "POST placement-service referrals /award" -> award(c, p[1]);
            case "GET placement-service placements" -> p.length == 1 ? ok(page(placements.values().stream()
                    .map(v -> { ObjectNode copy = v.deepCopy(); copy.putArray("feeChanges"); return copy; }).toList(),
                    c.query()))
                    : ok(placements.get(p[1]));
            case "POST placement-service placements /start" -> start(c, p[1]);
            case "POST placement-service placements /fee-changes" -> feeChange(c, p[1]);
            case "POST placement-service placements /end" -> end(c, p[1]);
            case "POST placement-service spot-purchases" -> spot(c);
            case "GET spend-service reports /spend", "GET spend-service reports" -> ok(report());
            case "GET spend-service budgets" -> p.length == 1 ? ok(page(List.copyOf(budgets.values()), c.query()))
                    : p.length == 3 ? ok(position(budgets.get(p[1]))) : ok(budgets.get(p[1]));
            case "GET spend-service budgets /position" -> ok(position(budgets.get(p[1])));
            case "POST spend-service budgets" -> budget(c);
            case "GET spend-service contracts" -> ok(page(contracts.values().stream().map(this::contractView)
                    .toList(), c.query()));
            case "POST spend-service contracts" -> contract(c);
            case "GET spend-service alerts" -> ok(page(alerts(), c.query()));
            default -> problem(404, "no route " + route);
        };
    }

    // --- lot-service -------------------------------------------------------------------------------------------

    private Answer establish(Call c) {
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id);
        dps.put(id, view);
        return created("dps", view);
    }

    private Answer createLot(Call c, String dpsId) {
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("dpsId", dpsId).put("open", true);
        lots.put(id, view);
        lotKnownToProviders.put(id, false);
        return created("lot", view);
    }

    private List<ObjectNode> members(String lotId, String status) {
        List<ObjectNode> members = new ArrayList<>();
        for (ObjectNode provider : providers.values()) {
            for (JsonNode m : provider.path("memberships")) {
                if (m.path("lotId").asText().equals(lotId) && ("ALL".equals(status)
                        || m.path("status").asText().equals(status == null ? "ACTIVE" : status))) {
                    ObjectNode member = JSON.createObjectNode().put("providerId", provider.path("id").asText())
                            .put("providerName", provider.path("name").asText()).put("tier", m.path("tier").asText(null))
                            .put("status", m.path("status").asText());
                    member.set("categories", m.path("categories"));
                    members.add(member);
                }
            }
        }
        members.sort(Comparator.comparing(m -> m.path("providerName").asText()));
        return members;
    }

    // --- provider-service --------------------------------------------------------------------------------------

    private Answer register(Call c) {
        for (ObjectNode existing : providers.values()) {
            if (existing.path("ofstedUrn").asText().equals(c.body().path("ofstedUrn").asText())) {
                return problem(409, "A provider with Ofsted URN " + existing.path("ofstedUrn").asText()
                        + " is already registered.");
            }
        }
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id);
        view.putArray("memberships");
        providers.put(id, view);
        return created("provider", view);
    }

    private Answer apply(Call c, String providerId) {
        String lotId = c.body().path("lotId").asText();
        if (!lotKnownToProviders.getOrDefault(lotId, false)) {
            lotKnownToProviders.put(lotId, true); // it will have heard of it by the next try
            return problem(422, "Lot " + lotId + " is not a lot of any DPS.");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("providerId", providerId)
                .put("status", "PENDING");
        applications.put(id, view);
        return created("application", view);
    }

    private Answer decide(Call c, String applicationId) {
        ObjectNode application = applications.get(applicationId);
        if (!"PENDING".equals(application.path("status").asText())) {
            return problem(409, "The application has been decided already.");
        }
        boolean admit = "ADMIT".equals(c.body().path("outcome").asText());
        application.put("status", admit ? "ADMITTED" : "REJECTED");
        if (admit) {
            ObjectNode membership = ((ArrayNode) providers.get(application.path("providerId").asText())
                    .path("memberships")).addObject().put("lotId", application.path("lotId").asText())
                    .put("status", "ACTIVE").put("tier", c.body().path("tier").asText(null));
            membership.set("categories", application.path("categories"));
        }
        counts.merge("decision", 1, Integer::sum);
        return ok(application);
    }

    // --- contract-monitoring-service ---------------------------------------------------------------------------

    private Answer inspect(Call c) {
        if (!"monitoring-officer".equals(c.role())) {
            return problem(403, "monitoring officers only");
        }
        JsonNode b = c.body();
        for (ObjectNode i : inspections) {
            if (i.path("providerId").equals(b.path("providerId")) && i.path("inspectedOn").equals(b.path("inspectedOn"))
                    && i.path("settingUrn").equals(b.path("settingUrn"))) {
                return problem(409, "recorded already");
            }
        }
        ObjectNode view = ((ObjectNode) b.deepCopy()).put("id", UUID.randomUUID().toString())
                .put("recordingCouncil", c.council());
        inspections.add(view);
        ObjectNode provider = providers.get(b.path("providerId").asText());
        if ("INADEQUATE".equals(b.path("judgement").asText())) {
            provider.put("_risk", "RED").put("_reason", "Latest Ofsted judgement for setting "
                    + b.path("settingUrn").asText() + " is Inadequate (inspected " + b.path("inspectedOn").asText() + ")");
            provider.path("memberships").forEach(m -> ((ObjectNode) m).put("status", "SUSPENDED"));
        }
        return created("inspection", view);
    }

    private ObjectNode summary(ObjectNode provider) {
        ObjectNode summary = JSON.createObjectNode().put("providerId", provider.path("id").asText())
                .put("name", provider.path("name").asText());
        summary.putObject("risk").put("rating", provider.path("_risk").asText("GREEN"));
        return summary;
    }

    private ObjectNode quality(String providerId) {
        ObjectNode provider = providers.get(providerId);
        ObjectNode view = JSON.createObjectNode().put("providerId", providerId).put("activePlacements",
                placements.values().stream().filter(p -> providerId.equals(p.path("providerId").asText())
                        && "STARTED".equals(p.path("status").asText())).count());
        ObjectNode risk = view.putObject("risk").put("rating", provider.path("_risk").asText("GREEN"));
        risk.putArray("reasons").add(provider.path("_reason").asText("No risk factors"));
        return view;
    }

    // --- placement-service -------------------------------------------------------------------------------------

    private ObjectNode exemptionView(ObjectNode e) {
        LocalDate until = LocalDate.parse(e.path("validUntil").asText());
        return e.deepCopy().put("expiring", !until.isBefore(TODAY) && !until.isAfter(TODAY.plusDays(120)));
    }

    private Answer exemption(Call c) {
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("council", c.council());
        exemptions.put(id, view);
        return created("exemption", exemptionView(view));
    }

    private ArrayNode eligible(String lotId, String category, String tier) {
        ArrayNode eligible = JSON.createArrayNode();
        for (ObjectNode member : members(lotId, "ACTIVE")) {
            boolean serves = category == null || contains(member.path("categories"), category);
            if (serves && (tier == null || tier.equals(member.path("tier").asText()))) {
                eligible.add(member);
            }
        }
        return eligible;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private Answer raise(Call c) {
        if (!"placement-officer".equals(c.role())) {
            return problem(403, "placement officers only");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("council", c.council())
                .put("status", "RAISED").put("raisedAt", TODAY.atTime(9, 5).toInstant(java.time.ZoneOffset.UTC)
                        .toString());
        view.putNull("inHouseOutcome");
        if (!view.has("expectedDurationWeeks")) {
            view.putNull("expectedDurationWeeks");
        }
        referrals.put(id, view);
        return created("referral", view);
    }

    private Answer inHouse(Call c, String id) {
        ObjectNode referral = referrals.get(id);
        if (!"RAISED".equals(referral.path("status").asText()) || !referral.path("inHouseOutcome").isNull()) {
            return problem(409, "The in-house check has been recorded already.");
        }
        String outcome = c.body().path("outcome").asText();
        referral.put("inHouseOutcome", outcome);
        if ("AVAILABLE".equals(outcome)) {
            referral.put("status", "PLACED_IN_HOUSE");
        }
        return ok(referral);
    }

    private Answer callOff(Call c, String id) {
        ObjectNode referral = referrals.get(id);
        if (referral.path("inHouseOutcome").isNull()) {
            return problem(409, "Check in-house provision first.");
        }
        if (!"RAISED".equals(referral.path("status").asText())) {
            return problem(409, "The referral is " + referral.path("status").asText() + ": it cannot be called off.");
        }
        boolean cascade = c.body().hasNonNull("cascadeWindow");
        if (!cascade && !Instant.parse(c.body().path("respondBy").asText()).isAfter(Instant.parse("2019-03-04T09:00:00Z"))) {
            return problem(400, "respondBy must be in the future");
        }
        ArrayNode invited = eligible(referral.path("lotId").asText(), referral.path("category").asText(),
                cascade ? "TIER_1" : null);
        referral.put("status", "CALLED_OFF");
        List<String> ids = new ArrayList<>();
        invited.forEach(i -> ids.add(i.path("providerId").asText()));
        invitations.put(id, ids);
        counts.merge("call-off", 1, Integer::sum);
        return ok(invited);
    }

    private Answer respond(Call c, String referralId, boolean offer) {
        String provider = c.claims().path("provider_id").asText(null);
        if (!"provider".equals(c.role()) || provider == null) {
            return problem(403, "Only a provider user can answer a call-off.");
        }
        if (!invitations.getOrDefault(referralId, List.of()).contains(provider)) {
            return problem(403, "Your organisation was not invited to this call-off.");
        }
        if (!"CALLED_OFF".equals(referrals.get(referralId).path("status").asText())) {
            return problem(409, "The call-off takes no more responses.");
        }
        for (ObjectNode r : responses.values()) {
            if (r.path("referralId").asText().equals(referralId) && r.path("providerId").asText().equals(provider)) {
                return problem(409, "Your organisation has responded to this call-off already.");
            }
        }
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("referralId", referralId)
                .put("providerId", provider).put("kind", offer ? "OFFER" : "DECLINE");
        responses.put(id, view);
        return created(offer ? "offer" : "decline", view);
    }

    private Answer award(Call c, String referralId) {
        ObjectNode referral = referrals.get(referralId);
        if (!"CALLED_OFF".equals(referral.path("status").asText())) {
            return problem(409, "The referral is " + referral.path("status").asText() + ": it cannot be awarded.");
        }
        ObjectNode offer = responses.get(c.body().path("offerId").asText());
        if (offer == null || !"OFFER".equals(offer.path("kind").asText())) {
            return problem(422, "not an offer on this referral");
        }
        int sum = 0;
        for (JsonNode s : c.body().path("fundingShares")) {
            sum += s.path("percent").decimalValue().movePointRight(2).intValueExact();
        }
        if (sum != 10_000) {
            return problem(400, "shares add up to " + sum);
        }
        boolean special = "SPECIAL_SCHOOL".equals(lots.get(referral.path("lotId").asText()).path("serviceType")
                .asText());
        if (special && !c.body().hasNonNull("panelApprovalReference") && !c.body().path("parentalPreference")
                .asBoolean()) {
            return problem(422, "A special-school placement needs a County Resourcing Panel approval reference.");
        }
        referral.put("status", "AWARDED");
        String id = UUID.randomUUID().toString();
        ObjectNode lot = lots.get(referral.path("lotId").asText());
        ObjectNode placement = JSON.createObjectNode().put("id", id).put("council", referral.path("council").asText())
                .put("basis", "CALL_OFF").put("referralId", referralId).put("lotId", lot.path("id").asText())
                .put("serviceType", lot.path("serviceType").asText()).put("providerId", offer.path("providerId").asText())
                .put("providerName", providers.get(offer.path("providerId").asText()).path("name").asText())
                .put("placementPattern", referral.path("placementPattern").asText())
                .put("plannedStart", c.body().path("plannedStart").asText()).put("status", "AWARDED");
        placement.putNull("exemptionId");
        placement.putNull("startDate");
        placement.putNull("endDate");
        placement.set("weeklyFee", withTotal(offer.path("weeklyFee")));
        placement.set("fundingShares", c.body().path("fundingShares"));
        placement.putArray("feeChanges");
        placements.put(id, placement);
        return created("placement", placement);
    }

    private static ObjectNode withTotal(JsonNode fee) {
        ObjectNode copy = fee.deepCopy();
        BigDecimal total = BigDecimal.ZERO;
        for (String item : List.of("core", "additionalStaffing", "education", "therapy")) {
            total = total.add(fee.path(item).decimalValue());
        }
        return copy.put("total", total);
    }

    private Answer start(Call c, String id) {
        ObjectNode placement = placements.get(id);
        if (!"AWARDED".equals(placement.path("status").asText())) {
            return problem(409, "The placement has started already.");
        }
        placement.put("status", "STARTED").put("startDate", c.body().path("startDate").asText());
        counts.merge("start", 1, Integer::sum);
        return ok(placement);
    }

    private Answer feeChange(Call c, String id) {
        ObjectNode placement = placements.get(id);
        if ("ENDED".equals(placement.path("status").asText())) {
            return problem(409, "The placement has ended: its fee cannot change.");
        }
        ObjectNode change = ((ArrayNode) placement.path("feeChanges")).addObject()
                .put("effectiveFrom", c.body().path("effectiveFrom").asText()).put("reason", c.body().path("reason")
                        .asText());
        change.set("weeklyFee", withTotal(c.body().path("weeklyFee")));
        counts.merge("fee-change", 1, Integer::sum);
        return ok(placement);
    }

    private Answer end(Call c, String id) {
        ObjectNode placement = placements.get(id);
        if ("ENDED".equals(placement.path("status").asText())) {
            return problem(409, "The placement has ended already.");
        }
        placement.put("status", "ENDED").put("endDate", c.body().path("endDate").asText())
                .put("endType", c.body().path("endType").asText());
        counts.merge("end", 1, Integer::sum);
        return ok(placement);
    }

    private Answer spot(Call c) {
        ObjectNode exemption = exemptions.get(c.body().path("exemptionId").asText());
        if (exemption == null) {
            return problem(422, "There is no exemption for your council.");
        }
        String id = UUID.randomUUID().toString();
        ObjectNode placement = JSON.createObjectNode().put("id", id).put("council", c.council())
                .put("basis", "SPOT_PURCHASE").put("exemptionId", exemption.path("id").asText())
                .put("serviceType", exemption.path("serviceType").asText())
                .put("providerName", c.body().path("providerName").asText())
                .put("placementPattern", c.body().path("placementPattern").asText())
                .put("plannedStart", c.body().path("startDate").asText()).put("status", "AWARDED");
        placement.putNull("lotId");
        placement.putNull("referralId");
        placement.putNull("providerId");
        placement.putNull("startDate");
        placement.putNull("endDate");
        placement.set("weeklyFee", withTotal(c.body().path("weeklyFee")));
        placement.set("fundingShares", c.body().path("fundingShares"));
        placement.putArray("feeChanges");
        placements.put(id, placement);
        return created("spot-purchase", placement);
    }

    // --- spend-service -----------------------------------------------------------------------------------------

    private record Cost(ObjectNode placement, long committed, long units, long[] byStream) {
    }

    private List<Cost> costs() {
        List<Cost> costs = new ArrayList<>();
        for (ObjectNode p : placements.values()) {
            LocalDate start = LocalDate.parse(p.path("startDate").isNull() ? p.path("plannedStart").asText()
                    : p.path("startDate").asText());
            LocalDate end = p.path("endDate").isNull() ? null : LocalDate.parse(p.path("endDate").asText());
            List<FeeStep> steps = new ArrayList<>();
            steps.add(new FeeStep(start, pence(p.path("weeklyFee").path("total"))));
            p.path("feeChanges").forEach(f -> steps.add(new FeeStep(LocalDate.parse(f.path("effectiveFrom").asText()),
                    pence(f.path("weeklyFee").path("total")))));
            SpendArithmetic.YearCost cost = SpendArithmetic.inYear(Pattern.valueOf(p.path("placementPattern").asText()),
                    start, end, steps, DemoData.FINANCIAL_YEAR);
            int[] basisPoints = new int[3];
            p.path("fundingShares").forEach(s -> basisPoints[DemoData.Stream.valueOf(s.path("stream").asText())
                    .ordinal()] = s.path("percent").decimalValue().movePointRight(2).intValueExact());
            long[] byStream = new long[3];
            FeeCalibration.Funded funded = new FeeCalibration.Funded(cost.committedPence(), basisPoints);
            for (int s = 0; s < 3; s++) {
                byStream[s] = funded.part(s);
            }
            costs.add(new Cost(p, cost.committedPence(), cost.weekUnits(), byStream));
        }
        return costs;
    }

    private static long pence(JsonNode pounds) {
        return pounds.decimalValue().movePointRight(2).longValueExact();
    }

    private static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP);
    }

    private ObjectNode report() {
        List<Cost> costs = costs();
        long total = costs.stream().mapToLong(Cost::committed).sum();
        ObjectNode report = JSON.createObjectNode().put("council", "cambridgeshire").put("financialYear", 2018)
                .put("asOf", TODAY.toString()).put("committed", pounds(total)).put("spentToDate", pounds(total / 2));
        ArrayNode streams = report.putArray("byFundingStream");
        for (DemoData.Stream s : DemoData.Stream.values()) {
            long part = costs.stream().mapToLong(c -> c.byStream()[s.ordinal()]).sum();
            streams.addObject().put("fundingStream", s.name()).put("committed", pounds(part))
                    .put("spentToDate", pounds(part / 2)).put("shareOfCommitted", percent(part, total));
        }
        Map<String, List<Cost>> byLot = new LinkedHashMap<>();
        costs.forEach(c -> byLot.computeIfAbsent(c.placement().path("lotId").asText("spot:"
                + c.placement().path("serviceType").asText()), k -> new ArrayList<>()).add(c));
        ArrayNode lotsArray = report.putArray("byLot");
        long off = 0;
        for (Map.Entry<String, List<Cost>> e : byLot.entrySet()) {
            long committed = e.getValue().stream().mapToLong(Cost::committed).sum();
            long units = e.getValue().stream().mapToLong(Cost::units).sum();
            Map<String, Long> byProvider = new HashMap<>();
            e.getValue().forEach(c -> byProvider.merge(c.placement().path("providerName").asText(), c.committed(),
                    Long::sum));
            List<Map.Entry<String, Long>> ranked = new ArrayList<>(byProvider.entrySet());
            ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            ObjectNode lot = lotsArray.addObject();
            boolean spot = e.getKey().startsWith("spot:");
            if (spot) {
                lot.putNull("lotId");
                off += committed;
            } else {
                lot.put("lotId", e.getKey());
            }
            lot.put("serviceType", e.getValue().get(0).placement().path("serviceType").asText())
                    .put("committed", pounds(committed)).put("spentToDate", pounds(committed / 2))
                    .put("placements", e.getValue().size())
                    .put("averageWeeklyPrice", SpendArithmetic.averageWeeklyPrice(committed, units))
                    .put("topTwoProviderShare", percent(ranked.stream().limit(2).mapToLong(Map.Entry::getValue).sum(),
                            committed));
            ArrayNode top = lot.putArray("topProviders");
            ranked.stream().limit(2).forEach(r -> top.addObject().put("providerName", r.getKey())
                    .put("committed", pounds(r.getValue())).put("share", percent(r.getValue(), committed)));
        }
        report.putObject("offContract").put("committed", pounds(off)).put("spentToDate", pounds(off / 2))
                .put("shareOfCommitted", percent(off, total));
        return report;
    }

    private Answer budget(Call c) {
        if (!"finance-officer".equals(c.role())) {
            return problem(403, "finance officers only");
        }
        JsonNode b = c.body();
        for (ObjectNode line : budgets.values()) {
            if (line.path("fundingStream").equals(b.path("fundingStream"))
                    && line.path("lotId").asText("").equals(b.path("lotId").asText(""))
                    && line.path("contractId").asText("").equals(b.path("contractId").asText(""))) {
                return problem(409, "Your council already has a budget line with this scope.");
            }
        }
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) b.deepCopy()).put("id", id).put("council", c.council());
        budgets.put(id, view);
        return created("budget", view);
    }

    private long committed(JsonNode line) {
        int stream = DemoData.Stream.valueOf(line.path("fundingStream").asText()).ordinal();
        String lotId = line.path("lotId").asText(null);
        if (line.hasNonNull("contractId")) {
            lotId = contracts.get(line.path("contractId").asText()).path("lotId").asText();
        }
        String scope = lotId;
        return costs().stream().filter(c -> scope == null || scope.equals(c.placement().path("lotId").asText()))
                .mapToLong(c -> c.byStream()[stream]).sum();
    }

    private ObjectNode position(JsonNode line) {
        long budget = pence(line.path("amount"));
        long committed = committed(line);
        return JSON.createObjectNode().put("budgetLineId", line.path("id").asText()).put("budget", pounds(budget))
                .put("committed", pounds(committed)).put("spentToDate", pounds(committed / 2))
                .put("forecastOutturn", pounds(committed)).put("variance", pounds(budget - committed))
                .put("forecastPercentOfBudget", percent(committed, budget)).put("status", status(committed, budget));
    }

    private static String status(long amount, long limit) {
        return amount * 100 > limit * 100L ? "OVERSPENT" : amount * 100 > limit * 90L ? "AT_RISK" : "WITHIN";
    }

    private Answer contract(Call c) {
        String id = UUID.randomUUID().toString();
        ObjectNode view = ((ObjectNode) c.body().deepCopy()).put("id", id).put("council", c.council());
        contracts.put(id, view);
        return created("contract", contractView(view));
    }

    private ObjectNode contractView(ObjectNode contract) {
        String lotId = contract.path("lotId").asText();
        long committed = costs().stream().filter(c -> lotId.equals(c.placement().path("lotId").asText()))
                .mapToLong(Cost::committed).sum();
        long value = pence(contract.path("value"));
        return contract.deepCopy().put("committed", pounds(committed)).put("committedPercentOfValue",
                percent(committed, value)).put("status", status(committed, value));
    }

    private List<ObjectNode> alerts() {
        List<ObjectNode> alerts = new ArrayList<>();
        for (ObjectNode line : budgets.values()) {
            long committed = committed(line);
            long budget = pence(line.path("amount"));
            for (int threshold : new int[] {90, 100}) {
                if (committed * 100 > budget * threshold) {
                    alerts.add(JSON.createObjectNode().put("subjectType", "BUDGET").put("name", line.path("name")
                            .asText()).put("thresholdPercent", threshold).put("amount", pounds(committed))
                            .put("limit", pounds(budget)).put("crossedAt", "2019-03-04T09:10:00Z").put("active", true));
                }
            }
        }
        return alerts;
    }
}
