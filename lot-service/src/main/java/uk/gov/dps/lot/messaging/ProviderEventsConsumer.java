package uk.gov.dps.lot.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.lot.service.MembershipService;
import uk.gov.dps.messaging.Inbox;

/** Keeps lot membership in step with provider-service's decisions. */
@ApplicationScoped
public class ProviderEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MembershipService membership;

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("lot-membership", records, membership::apply);
    }
}
