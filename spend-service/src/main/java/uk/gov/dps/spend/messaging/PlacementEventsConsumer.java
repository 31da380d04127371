package uk.gov.dps.spend.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.spend.service.PlacementProjection;

/**
 * Commitments follow placement-service's awards, starts, fee changes, ends and spot purchases; referrals, offers and
 * exemption warnings commit no money.
 */
@ApplicationScoped
public class PlacementEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PlacementProjection projection;

    private EventHandlers placementEvents;

    @PostConstruct
    void handlers() {
        placementEvents = EventHandlers.builder()
                .on(EventCatalog.PLACEMENT_AWARDED, projection::awarded)
                .on(EventCatalog.SPOT_PURCHASE_MADE, projection::spotPurchased)
                .on(EventCatalog.PLACEMENT_STARTED, projection::started)
                .on(EventCatalog.PLACEMENT_FEE_CHANGED, projection::feeChanged)
                .on(EventCatalog.PLACEMENT_ENDED, projection::ended)
                .build();
    }

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("spend-commitments", records, placementEvents);
    }
}
