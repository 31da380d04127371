package uk.gov.dps.provider.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.provider.service.QualityGate;

/** Suspends providers when contract monitoring reports an Inadequate judgement or a red risk rating. */
@ApplicationScoped
public class QualityEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    QualityGate gate;

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("quality-gate", records, gate::apply);
    }
}
