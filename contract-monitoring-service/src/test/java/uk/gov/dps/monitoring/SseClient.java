package uk.gov.dps.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;

import org.awaitility.Awaitility;

import io.restassured.RestAssured;

/**
 * The live feed read with Jakarta REST's {@link SseEventSource} (the Quarkus REST client), the way a monitoring
 * officer's dashboard would: events and comments in the order they arrived.
 */
final class SseClient implements AutoCloseable {

    /** One server-sent event; a comment has {@code comment} set and no name. */
    record Event(String id, String name, String data, String comment) {

        static Event of(InboundSseEvent e) {
            return new Event(e.getId(), e.getName(), e.isEmpty() ? null : e.readData(), e.getComment());
        }
    }

    private final Client client;
    private final SseEventSource source;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final List<Event> pending = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private SseClient(String token, String pathAndQuery, String lastEventId) {
        ClientRequestFilter headers = request -> {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, "text/event-stream"); // as EventSource sends it
            if (lastEventId != null) {
                request.getHeaders().putSingle("Last-Event-ID", lastEventId);
            }
        };
        client = ClientBuilder.newClient().register(headers);
        source = SseEventSource.target(client.target("http://localhost:" + RestAssured.port + pathAndQuery)).build();
        source.register(this::receive, errors::add);
        source.open();
    }

    static SseClient open(String token, String pathAndQuery) {
        return new SseClient(token, pathAndQuery, null);
    }

    /**
     * Connects as a dashboard does after a break: naming the last event it received in {@code Last-Event-ID}
     * (the header EventSource sends when it reconnects).
     */
    static SseClient open(String token, String pathAndQuery, String lastEventId) {
        return new SseClient(token, pathAndQuery, lastEventId);
    }

    private synchronized void receive(InboundSseEvent e) {
        Event event = Event.of(e);
        received.add(event);
        pending.add(event);
    }

    /** The first event (or comment) not matched before that matches; fails after {@code timeout}. */
    Event await(Predicate<Event> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).alias("a matching event; received " + received + ", errors " + errors)
                .until(() -> take(match), Optional::isPresent).get();
    }

    private synchronized Optional<Event> take(Predicate<Event> match) {
        if (!errors.isEmpty()) {
            throw new AssertionError("the live feed failed", errors.get(0));
        }
        Optional<Event> found = pending.stream().filter(match).findFirst();
        found.ifPresent(pending::remove);
        return found;
    }

    Event awaitEvent(String type, Duration timeout) {
        return await(e -> type.equals(e.name()), timeout);
    }

    /** Waits for the comment the server sends once the stream is subscribed to the feed. */
    void awaitListening() {
        await(e -> e.comment() != null && e.comment().contains("listening"), Duration.ofSeconds(30));
    }

    /** Every event (not comment) received up to and including {@code last}, in order. */
    List<Event> eventsUpTo(Event last) {
        List<Event> events = new ArrayList<>();
        for (Event e : received) {
            if (e.name() != null) {
                events.add(e);
            }
            if (e == last) {
                return events;
            }
        }
        throw new AssertionError(last + " was not received");
    }

    @Override
    public void close() {
        source.close(5, TimeUnit.SECONDS);
        client.close();
    }
}
