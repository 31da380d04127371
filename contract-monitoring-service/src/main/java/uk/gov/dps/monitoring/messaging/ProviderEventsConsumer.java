package uk.gov.dps.monitoring.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.monitoring.service.ProviderDirectory;

/** Learns from provider-service which providers exist, what they are called and which lots they are in. */
@ApplicationScoped
public class ProviderEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ProviderDirectory directory;

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("monitored-providers", records, directory::applyProviderEvent);
    }
}
