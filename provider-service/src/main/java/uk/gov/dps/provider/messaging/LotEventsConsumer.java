package uk.gov.dps.provider.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.provider.service.LotCatalogue;

/** Keeps provider-service's copy of the lots in step with lot-service. */
@ApplicationScoped
public class LotEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    LotCatalogue catalogue;

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("lot-catalogue", records, catalogue::apply);
    }
}
