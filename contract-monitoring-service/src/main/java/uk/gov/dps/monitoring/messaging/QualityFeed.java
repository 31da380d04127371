package uk.gov.dps.monitoring.messaging;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.messaging.IncomingEvent;
import uk.gov.dps.messaging.PoisonEventException;

/**
 * The live feed of quality events, as committed: this instance reads {@code dps.quality} in a consumer group of
 * its own (so every instance sees every event, wherever it was recorded) starting from the end of the topic, and
 * hands each event to the open feeds. Nothing is stored: a client that was not connected reads the topic or the
 * REST lists instead.
 */
@ApplicationScoped
public class QualityFeed {

    private static final Logger LOG = Logger.getLogger(QualityFeed.class);

    /** One event as the feed shows it; {@code payload} is exactly the published payload. */
    public record FeedEvent(String id, String type, UUID providerId, Instant time, JsonNode payload) {
    }

    private final BroadcastProcessor<FeedEvent> events = BroadcastProcessor.create();
    private volatile boolean live;

    @Incoming("quality-feed")
    void onQualityEvent(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            events.onNext(new FeedEvent(event.id(), event.type(), providerId(event), event.time(),
                    EventJson.mapper().readTree(event.payload())));
        } catch (PoisonEventException | JsonProcessingException e) {
            // the feed only relays; consumers that act on events dead-letter what they cannot read
            LOG.warnf("Not relaying %s@%d on the live feed: %s", record.topic(), record.offset(), e.getMessage());
        }
    }

    /** Every event committed from now on (a hot stream: nothing before subscribing). */
    public Multi<FeedEvent> events() {
        return events;
    }

    /** True once this instance reads the topic, so an event committed from now on reaches the feeds. */
    public boolean isLive() {
        return live;
    }

    void setLive(boolean live) {
        this.live = live;
    }

    private static UUID providerId(IncomingEvent event) {
        try {
            return event.subject() == null ? null : UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
