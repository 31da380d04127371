package uk.gov.dps.monitoring.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.monitoring.service.ProviderDirectory;

/** Counts the children placed with each provider: providers with children placed are monitored first. */
@ApplicationScoped
public class PlacementEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ProviderDirectory directory;

    private EventHandlers placementEvents;

    @PostConstruct
    void handlers() {
        placementEvents = EventHandlers.builder()
                .on(EventCatalog.PLACEMENT_AWARDED, directory::awarded)
                .on(EventCatalog.SPOT_PURCHASE_MADE, directory::spotPurchased)
                .on(EventCatalog.PLACEMENT_STARTED, directory::started)
                .on(EventCatalog.PLACEMENT_ENDED, directory::ended)
                .build();
    }

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("active-placements", records, placementEvents);
    }
}
