package uk.gov.dps.placement.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.placement.service.MarketView;

/** Keeps placement-service's view of lots, members and quality in step with the services that own them. */
@ApplicationScoped
public class MarketEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MarketView market;

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-lots", records, market::applyLotEvent);
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-members", records, market::applyProviderEvent);
    }

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-quality", records, market::applyQualityEvent);
    }
}
