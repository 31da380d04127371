package uk.gov.dps.testing;

import java.net.URI;
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

/**
 * A server-sent-event stream read with Jakarta REST's {@link SseEventSource}, the way a monitoring officer's
 * dashboard reads the live quality feed: events and comments in the order they arrived, each awaited at most once.
 * The module tests and e2e share it; the caller's class path brings the Jakarta REST client implementation.
 */
public final class LiveFeed implements AutoCloseable {

    /** One server-sent event; a comment has {@code comment} set and no name. */
    public record Event(String id, String name, String data, String comment) {
    }

    private final Client client;
    private final SseEventSource source;
    private final Duration patience;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final List<Event> pending = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    private LiveFeed(URI stream, String token, String lastEventId, Duration patience) {
        this.patience = patience;
        ClientRequestFilter headers = request -> {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, "text/event-stream"); // as EventSource sends it
            if (lastEventId != null) {
                request.getHeaders().putSingle("Last-Event-ID", lastEventId);
            }
        };
        client = ClientBuilder.newClient().register(headers);
        source = SseEventSource.target(client.target(stream)).build();
        source.register(this::receive, errors::add);
        source.open();
    }

    /** Connects to {@code stream} (the whole URL, query included); waits up to {@code patience} per event. */
    public static LiveFeed open(URI stream, String token, Duration patience) {
        return new LiveFeed(stream, token, null, patience);
    }

    /**
     * Connects as a dashboard does after a break: naming the last event it received (when not null) in
     * {@code Last-Event-ID}, the header EventSource sends when it reconnects.
     */
    public static LiveFeed resume(URI stream, String token, String lastEventId, Duration patience) {
        return new LiveFeed(stream, token, lastEventId, patience);
    }

    private synchronized void receive(InboundSseEvent e) {
        Event event = new Event(e.getId(), e.getName(), e.isEmpty() ? null : e.readData(), e.getComment());
        received.add(event);
        pending.add(event);
    }

    /** The first event (or comment) not awaited before that matches; fails after the patience given at open. */
    public Event await(Predicate<Event> match, String what) {
        return Awaitility.await("on the live feed: " + what).atMost(patience)
                .until(() -> take(match), Optional::isPresent).get();
    }

    /** The next event of this type not awaited before. */
    public Event await(String type) {
        return await(e -> type.equals(e.name()), type);
    }

    /** Waits for the comment the feed sends once it is subscribed: events committed after it are streamed. */
    public void awaitListening() {
        await(e -> e.comment() != null && e.comment().contains("listening"), "the listening comment");
    }

    private synchronized Optional<Event> take(Predicate<Event> match) {
        if (!errors.isEmpty()) {
            throw new AssertionError("the live feed failed; it sent " + received, errors.get(0));
        }
        Optional<Event> found = pending.stream().filter(match).findFirst();
        found.ifPresent(pending::remove);
        return found;
    }

    /** How many events received so far, awaited or not, carry {@code text} in their data. */
    public long received(String text) {
        return received.stream().filter(e -> e.name() != null && e.data() != null && e.data().contains(text)).count();
    }

    /** Every event (not comment) received up to and including {@code last}, in order. */
    public List<Event> eventsUpTo(Event last) {
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
