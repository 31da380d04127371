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

/**
 * Learns from provider-service which providers exist, what they are called and which lots they are in;
 * applications and tier changes do not matter to monitoring.
 */
@ApplicationScoped
public class ProviderEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ProviderDirectory directory;

    private EventHandlers providerEvents;

    @PostConstruct
    void handlers() {
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_REGISTERED, directory::registered)
                .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, directory::admitted)
                .on(EventCatalog.PROVIDER_SUSPENDED, directory::suspended)
                .on(EventCatalog.PROVIDER_REINSTATED, directory::reinstated)
                .on(EventCatalog.PROVIDER_WITHDRAWN, directory::withdrawn)
                .build();
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("monitored-providers", records, providerEvents);
    }
}
