package uk.gov.dps.spend.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.spend.service.PlacementProjection;

/** Commitments follow placement-service's awards, starts, fee changes, ends and spot purchases. */
@ApplicationScoped
public class PlacementEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    PlacementProjection projection;

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("spend-commitments", records, projection::apply);
    }
}
