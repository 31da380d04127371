package uk.gov.dps.placement.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    void onLotEvent(ConsumerRecord<String, String> record) {
        inbox.process("market-lots", record, market::applyLotEvent);
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvent(ConsumerRecord<String, String> record) {
        inbox.process("market-members", record, market::applyProviderEvent);
    }

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvent(ConsumerRecord<String, String> record) {
        inbox.process("market-quality", record, market::applyQualityEvent);
    }
}
