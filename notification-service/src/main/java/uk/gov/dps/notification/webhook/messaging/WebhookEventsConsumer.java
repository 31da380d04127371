package uk.gov.dps.notification.webhook.messaging;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.notification.webhook.service.WebhookFanOut;

/**
 * Every event of every topic becomes webhook deliveries. The channels are webhook fan-out's own (webhook-*, consumer
 * group notification-webhooks), apart from email's, so that neither ever waits for the other.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    static final String CONSUMER = "notification-webhooks";

    @Inject
    Inbox inbox;

    @Inject
    WebhookFanOut fanOut;

    /** Per topic: every catalogued type goes out (the payload is checked against its contract on the way). */
    private final Map<String, EventHandlers> handlers = new HashMap<>();

    @PostConstruct
    void handlers() {
        for (String topic : Topics.ALL) {
            EventHandlers.Builder builder = EventHandlers.builder();
            EventCatalog.ALL.stream().filter(type -> type.topic().equals(topic)).forEach(type -> fanOut(builder, type));
            handlers.put(topic, builder.build());
        }
    }

    private <P extends Record> void fanOut(EventHandlers.Builder builder, EventType<P> type) {
        builder.on(type, (payload, event) -> fanOut.fanOut(event));
    }

    @Incoming("webhook-providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, records, handlers.get(Topics.PROVIDERS));
    }

    @Incoming("webhook-lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, records, handlers.get(Topics.LOTS));
    }

    @Incoming("webhook-placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, records, handlers.get(Topics.PLACEMENTS));
    }

    @Incoming("webhook-quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, records, handlers.get(Topics.QUALITY));
    }

    @Incoming("webhook-spend")
    @Blocking
    void onSpendEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, records, handlers.get(Topics.SPEND));
    }
}
