package uk.gov.dps.transparency.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.transparency.service.Projection;

/**
 * The events whose publishable part transparency-service keeps, each topic through the Inbox (applied once; a
 * poison event goes to {@code <topic>.dlq}). Referrals are not listed: nothing of them is published.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Inbox inbox;

    @Inject
    Projection projection;

    private EventHandlers lotEvents;
    private EventHandlers placementEvents;
    private EventHandlers providerEvents;
    private EventHandlers spendEvents;

    @PostConstruct
    void handlers() {
        lotEvents = EventHandlers.builder()
                .on(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, projection::established)
                .on(EventCatalog.LOT_OPENED, projection::lot)
                .on(EventCatalog.LOT_CLOSED, projection::lot)
                .on(EventCatalog.LOT_CHANGED, projection::lot)
                .build();
        placementEvents = EventHandlers.builder()
                .on(EventCatalog.CALL_OFF_ISSUED, projection::calledOff)
                .on(EventCatalog.PLACEMENT_AWARDED, projection::awarded)
                .on(EventCatalog.SPOT_PURCHASE_MADE, projection::spotPurchased)
                .on(EventCatalog.PLACEMENT_ENDED, projection::ended)
                .build();
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_REGISTERED, projection::registered)
                .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, projection::admitted)
                .build();
        spendEvents = EventHandlers.builder()
                .on(EventCatalog.PAYMENT_RECORDED, projection::paid)
                .build();
    }

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("transparency-lots", records, lotEvents);
    }

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("transparency-placements", records, placementEvents);
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("transparency-providers", records, providerEvents);
    }

    @Incoming("dps.spend")
    @Blocking
    void onSpendEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("transparency-spend", records, spendEvents);
    }
}
