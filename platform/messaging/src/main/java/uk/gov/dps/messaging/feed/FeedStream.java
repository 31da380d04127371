package uk.gov.dps.messaging.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.runtime.ProblemException;

/**
 * A {@link TopicFeed} as server-sent events: id = the feed's position just after the event, event = its type, data =
 * {id, type, providerId, time, payload}; a comment once the feed is listening, then comment heartbeats.
 */
public final class FeedStream {

    private FeedStream() {
    }

    /** What a feed event's data says (its position is the SSE id). */
    public record FeedData(String id, String type, UUID providerId, Instant time, JsonNode payload) {
    }

    /** The position a reconnecting client names in Last-Event-ID (none when absent); 400 when it is not one. */
    public static Optional<FeedPosition> lastEventId(String lastEventId) {
        return Optional.ofNullable(lastEventId).filter(id -> !id.isBlank())
                .map(id -> FeedPosition.parse(id).orElseThrow(() -> ProblemException.badRequest("Last-Event-ID",
                        "must be the id of an event of this feed, such as 0:17,1:9,2:30")));
    }

    /**
     * The feed's events after {@code after} that {@code wanted} lets through, as SSE, with {@code listening} as the
     * first comment and a heartbeat comment every {@code heartbeat}.
     */
    public static Multi<OutboundSseEvent> sse(TopicFeed feed, Optional<FeedPosition> after,
            Predicate<TopicFeed.FeedEvent> wanted, Sse sse, String listening, Duration heartbeat) {
        Multi<OutboundSseEvent> events = feed.events(after).filter(wanted)
                .map(e -> sse.newEventBuilder().id(e.position().toString()).name(e.type()).data(json(e)).build());
        Multi<OutboundSseEvent> listeningComment = Multi.createFrom().item(
                () -> sse.newEventBuilder().comment(listening).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // subscribed in this order: the feed first, so that every event after the first comment reaches the client
        return Multi.createBy().merging().streams(events, listeningComment, heartbeats);
    }

    private static String json(TopicFeed.FeedEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(
                    new FeedData(event.id(), event.type(), event.providerId(), event.time(), event.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write feed event " + event.id(), e);
        }
    }
}
