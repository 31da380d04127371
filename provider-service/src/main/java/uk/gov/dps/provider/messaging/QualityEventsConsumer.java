package uk.gov.dps.provider.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.provider.service.QualityGate;

/** Suspends providers when contract monitoring reports an Inadequate judgement or a red risk rating. */
@ApplicationScoped
public class QualityEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    QualityGate gate;

    private EventHandlers qualityEvents;

    @PostConstruct
    void handlers() {
        qualityEvents = EventHandlers.builder()
                .on(EventCatalog.INSPECTION_RECORDED, gate::inspected)
                .on(EventCatalog.RISK_RATING_CHANGED, gate::riskRated)
                .build();
    }

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("quality-gate", records, qualityEvents);
    }
}
