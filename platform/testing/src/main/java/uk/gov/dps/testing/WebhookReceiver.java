package uk.gov.dps.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A council system's webhook receiver: a real HTTP server on a free port that records what it is sent and answers
 * each path with the status the test sets (200 unless told), after a delay if told. Verifies signatures independently
 * of the service's code, from the Standard Webhooks specification.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: header names in lower case, the body's raw bytes. */
    public record Received(String path, Map<String, String> headers, byte[] rawBody, Instant at) {

        public String header(String name) {
            return headers.get(name);
        }

        public String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(path, headers, body, Instant.now()));
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(answers.getOrDefault(path, 200), -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(String path, int status) {
        answers.put(path, status);
    }

    public void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /**
     * The Standard Webhooks check: HMAC-SHA256, keyed with the base64 after {@code whsec_}, over
     * {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64>} signatures, one must match;
     * the timestamp must be within five minutes of now.
     */
    public static boolean verify(String secret, Received request) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(request.rawBody());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : signatures.split(" ")) {
            int comma = signature.indexOf(',');
            if (comma > 0 && signature.substring(0, comma).equals("v1") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(comma + 1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
