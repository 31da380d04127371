package uk.gov.dps.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public REST APIs of the five services as the demo uses them: one user per role and council (and provider),
 * tokens from the stack's Keycloak, JSON in and out, an {@code Idempotency-Key} on every creating request, and a
 * {@link DemoException} naming method, path, status and problem detail on any answer that was not expected.
 */
final class DemoApi {

    /** Money stays exact: decimals are read as BigDecimal, never double. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final int PAGE_SIZE = 200;

    /** How long to wait for one service to learn, from Kafka, what another did. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A service's answer. */
    record Reply(String method, String service, String path, int status, JsonNode body, boolean replayed) {

        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    /** Where tokens come from: the stack's Keycloak ({@link DemoStack#userToken}) or, in tests, a fake. */
    @FunctionalInterface
    interface TokenSource {
        String token(String role, String council, String providerId);
    }

    /** HTTP/1.1 with keep-alive: no h2c upgrade attempts against the services. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final TokenSource tokens;
    private final Function<String, String> baseUrls;
    private final Map<String, Token> tokenCache = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private record Token(String value, Instant expires) {
    }

    DemoApi(DemoStack stack) {
        this(stack::userToken, stack::baseUrl);
    }

    DemoApi(TokenSource tokens, Function<String, String> baseUrls) {
        this.tokens = tokens;
        this.baseUrls = baseUrls;
    }

    /** Requests sent so far (for the progress lines). */
    int requests() {
        return requests.get();
    }

    /** A user of {@code council} with {@code role}. */
    User as(String role, String council) {
        return new User(role, council, null);
    }

    /** A provider organisation's user (a provider user belongs to a council too). */
    User provider(String providerId) {
        return new User(DemoStack.ROLE_PROVIDER, DemoData.COUNCIL, providerId);
    }

    /** One demo user calling the services. */
    final class User {

        private final String role;
        private final String council;
        private final String providerId;

        private User(String role, String council, String providerId) {
            this.role = role;
            this.council = council;
            this.providerId = providerId;
        }

        /** GET that must answer 200. */
        JsonNode get(String service, String path) {
            return expect(send("GET", service, path, null, null), 200).body();
        }

        /** GET of every page of a paged list ({@code {items, hasNext}}), {@value #PAGE_SIZE} at a time. */
        List<JsonNode> all(String service, String path) {
            List<JsonNode> items = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = get(service, path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size="
                        + PAGE_SIZE);
                body.path("items").forEach(items::add);
                if (!body.path("hasNext").asBoolean(false)) {
                    return items;
                }
            }
        }

        /** POST that must answer one of {@code expected}; {@code idempotencyKey} null for non-creating requests. */
        Reply post(String service, String path, Object body, String idempotencyKey, int... expected) {
            return expect(send("POST", service, path, body, idempotencyKey), expected);
        }

        /**
         * POST that is retried while the service answers {@code notYet} (it has not learnt from another service's
         * events what the request needs): for up to {@link #PATIENCE}.
         */
        Reply postWhenKnown(String service, String path, Object body, String idempotencyKey,
                Predicate<Reply> notYet, int... expected) {
            AtomicReference<Reply> last = new AtomicReference<>();
            try {
                return expect(patiently("the answer to POST " + service + " " + path)
                        .until(() -> send("POST", service, path, body, idempotencyKey), reply -> {
                            last.set(reply);
                            return !notYet.test(reply);
                        }), expected);
            } catch (ConditionTimeoutException e) {
                return expect(last.get(), expected);
            }
        }

        /** Any request, whatever the answer. */
        Reply send(String method, String service, String path, Object body, String idempotencyKey) {
            Reply reply = once(method, service, path, body, idempotencyKey, false);
            if (reply.status() == 401) {
                // the token may have expired between our check and the service's: one fresh try
                reply = once(method, service, path, body, idempotencyKey, true);
            }
            return reply;
        }

        private Reply once(String method, String service, String path, Object body, String idempotencyKey,
                boolean freshToken) {
            String base = baseUrls.apply(service);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token(freshToken));
            if (idempotencyKey != null) {
                request.header(IDEMPOTENCY_HEADER, idempotencyKey);
            }
            if (body == null) {
                request.method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody());
                if ("POST".equals(method)) {
                    request.header("Content-Type", "application/json");
                }
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
            }
            HttpResponse<String> response;
            try {
                requests.incrementAndGet();
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new DemoException(service + " is not reachable at " + base + " (" + method + " " + path
                        + "): is the stack up? Start it with ./dps up", e);
            } catch (HttpTimeoutException e) {
                throw new DemoException(method + " " + service + " " + path + " got no answer within 60 s", e);
            } catch (IOException e) {
                throw new DemoException(method + " " + service + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoException("interrupted during " + method + " " + path, e);
            }
            JsonNode json = read(response.body());
            boolean replayed = response.headers().firstValue(REPLAYED_HEADER).map("true"::equalsIgnoreCase)
                    .orElse(false);
            return new Reply(method, service, path, response.statusCode(), json, replayed);
        }

        private String token(boolean fresh) {
            String key = role + "|" + council + "|" + providerId;
            Token cached = tokenCache.get(key);
            if (!fresh && cached != null && cached.expires().isAfter(Instant.now().plusSeconds(60))) {
                return cached.value();
            }
            String value;
            try {
                value = tokens.token(role, council, providerId);
            } catch (RuntimeException e) {
                throw new DemoException("no token for a " + role + " of " + council
                        + (providerId == null ? "" : " (provider " + providerId + ")") + ": " + e.getMessage(), e);
            }
            long exp = DemoStack.claims(value).path("exp").asLong(0);
            Instant expires = exp > 0 ? Instant.ofEpochSecond(exp) : Instant.now().plusSeconds(300);
            tokenCache.put(key, new Token(value, expires));
            return value;
        }
    }

    /**
     * Gets the tokens of these provider users ahead of their first answer, three at a time: Keycloak creates each
     * demo user on first use and hashes its password, which takes a moment.
     */
    void warmProviderTokens(Collection<String> providerIds) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (String id : providerIds) {
                pending.add(pool.submit(() -> provider(id).token(false)));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoException d ? d : new DemoException(String.valueOf(e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The reply, or a {@link DemoException} saying what went wrong when its status is not one of {@code expected}. */
    static Reply expect(Reply reply, int... expected) {
        if (Arrays.stream(expected).anyMatch(s -> s == reply.status())) {
            return reply;
        }
        throw new DemoException(describe(reply) + " (expected HTTP "
                + Arrays.stream(expected).mapToObj(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("?")
                + ")");
    }

    /** {@code POST provider-service /providers/…/applications → HTTP 422 Unprocessable Entity: detail [field: message]}. */
    static String describe(Reply reply) {
        StringBuilder text = new StringBuilder(reply.method()).append(' ').append(reply.service()).append(' ')
                .append(reply.path()).append(" → HTTP ").append(reply.status());
        JsonNode body = reply.body();
        String title = body.path("title").asText("");
        String detail = body.path("detail").asText("");
        if (!title.isEmpty()) {
            text.append(' ').append(title);
        }
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(e.path("field").asText("?") + ": " + e.path("message").asText("")));
        if (!errors.isEmpty()) {
            text.append(' ').append(errors);
        }
        if (title.isEmpty() && detail.isEmpty() && errors.isEmpty() && !body.isMissingNode() && !body.isNull()) {
            String raw = body.isTextual() ? body.asText() : body.toString();
            text.append(": ").append(raw.length() > 500 ? raw.substring(0, 500) + "…" : raw);
        }
        return text.toString();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** Polls from at once, every 100 ms, for up to {@link #PATIENCE}, in the caller's thread. */
    private static ConditionFactory patiently(String what) {
        return Awaitility.await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .pollInSameThread();
    }

    /** Waits until {@code done} holds, for up to {@link #PATIENCE}; then fails saying what did not happen. */
    static void eventually(String what, BooleanSupplier done) {
        eventually(what, Duration.ofMillis(100), done);
    }

    /** As {@link #eventually(String, BooleanSupplier)}, asking every {@code interval}. */
    static void eventually(String what, Duration interval, BooleanSupplier done) {
        try {
            patiently(what).pollInterval(interval).until(done::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new DemoException("not within " + PATIENCE.toSeconds() + " s: " + what
                    + " (is every service up and reading Kafka? ./dps status, ./dps logs)", e);
        }
    }
}
