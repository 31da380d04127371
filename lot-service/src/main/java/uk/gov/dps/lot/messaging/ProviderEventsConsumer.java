package uk.gov.dps.lot.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.lot.service.MembershipService;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;

/**
 * Keeps lot membership in step with provider-service's decisions, and which members' mandatory documents have
 * expired; other provider events (registration, applications) do not change membership.
 */
@ApplicationScoped
public class ProviderEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MembershipService membership;

    private EventHandlers providerEvents;

    @PostConstruct
    void handlers() {
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, membership::admitted)
                .on(EventCatalog.PROVIDER_SUSPENDED, membership::suspended)
                .on(EventCatalog.PROVIDER_REINSTATED, membership::reinstated)
                .on(EventCatalog.PROVIDER_TIER_CHANGED, membership::tierChanged)
                .on(EventCatalog.PROVIDER_WITHDRAWN, membership::withdrawn)
                .on(EventCatalog.PROVIDER_DOCUMENT_EXPIRED, membership::documentExpired)
                .on(EventCatalog.PROVIDER_DOCUMENT_RECORDED, membership::documentRecorded)
                .build();
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("lot-membership", records, providerEvents);
    }
}
