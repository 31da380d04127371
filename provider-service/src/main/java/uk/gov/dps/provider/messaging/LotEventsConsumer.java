package uk.gov.dps.provider.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.provider.service.ExclusionService;
import uk.gov.dps.provider.service.LotCatalogue;

/**
 * Keeps provider-service's copy of the lots in step with lot-service: each lot event carries what we need of its
 * DPS but its legal regime, which comes once with the DPS's establishment.
 */
@ApplicationScoped
public class LotEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    LotCatalogue catalogue;

    @Inject
    ExclusionService exclusions;

    private EventHandlers lotEvents;

    @PostConstruct
    void handlers() {
        lotEvents = EventHandlers.builder()
                .on(EventCatalog.LOT_OPENED, catalogue::update)
                .on(EventCatalog.LOT_CLOSED, catalogue::update)
                .on(EventCatalog.LOT_CHANGED, catalogue::update)
                .on(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, exclusions::established)
                .build();
    }

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("lot-catalogue", records, lotEvents);
    }
}
