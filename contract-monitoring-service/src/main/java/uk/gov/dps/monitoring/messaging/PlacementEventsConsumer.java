package uk.gov.dps.monitoring.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.monitoring.service.ProviderDirectory;

/** Counts the children placed with each provider: providers with children placed are monitored first. */
@ApplicationScoped
public class PlacementEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ProviderDirectory directory;

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("active-placements", records, directory::applyPlacementEvent);
    }
}
