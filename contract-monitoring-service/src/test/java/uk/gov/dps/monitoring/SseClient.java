package uk.gov.dps.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.restassured.RestAssured;

/**
 * Reads a server-sent event stream with the JDK's HTTP client, the way a monitoring officer's dashboard would:
 * lines are parsed into events (id, event, data) and comments as they arrive.
 */
final class SseClient implements AutoCloseable {

    /** One server-sent event; a comment has only {@code comment} set. */
    record Event(String id, String name, String data, String comment) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; the status is checked by the caller ({@link #status()}). */
    static SseClient open(String token, String pathAndQuery) {
        return open(token, pathAndQuery, null);
    }

    /** Reconnects as EventSource does, naming the last event it received ({@code Last-Event-ID}). */
    static SseClient open(String token, String pathAndQuery, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + pathAndQuery)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(HttpClient.newHttpClient().send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The first event (or comment) from now on that matches; fails after {@code timeout}. */
    Event await(Predicate<Event> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event seenBefore : List.copyOf(seen)) {
            if (match.test(seenBefore)) {
                seen.remove(seenBefore);
                return seenBefore;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            Event next;
            try {
                next = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (next == null) {
                throw new AssertionError("no matching server-sent event within " + timeout + "; other events: " + seen);
            }
            if (match.test(next)) {
                return next;
            }
            seen.add(next);
        }
    }

    Event awaitEvent(String type, Duration timeout) {
        return await(e -> type.equals(e.name()), timeout);
    }

    /** Waits for the comment the server sends once the stream is subscribed to the feed. */
    void awaitListening() {
        await(e -> e.comment() != null && e.comment().contains("listening"), Duration.ofSeconds(30));
    }

    /** Every event received so far and not yet matched. */
    List<Event> unmatched(Duration settle) {
        long deadline = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < deadline) {
            Event next = events.poll();
            if (next != null) {
                seen.add(next);
            }
        }
        return List.copyOf(seen);
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line; (line = lines.readLine()) != null;) {
                if (line.isEmpty()) {
                    if (data != null || name != null) {
                        events.add(new Event(id, name, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (IOException e) {
            // closed by the test or the server
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
