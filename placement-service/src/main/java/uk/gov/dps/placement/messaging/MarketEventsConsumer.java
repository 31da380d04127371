package uk.gov.dps.placement.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.placement.service.CallOffRules;
import uk.gov.dps.placement.service.MarketView;
import uk.gov.dps.placement.service.ProviderRegistrations;
import uk.gov.dps.placement.service.SettingsView;

/**
 * Keeps placement-service's view of lots, members, settings, vacancies and quality in step with the services that own
 * them.
 */
@ApplicationScoped
public class MarketEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MarketView market;

    @Inject
    ProviderRegistrations registrations;

    @Inject
    CallOffRules callOffRules;

    @Inject
    SettingsView settings;

    private EventHandlers lotEvents;
    private EventHandlers providerEvents;
    private EventHandlers qualityEvents;

    @PostConstruct
    void handlers() {
        lotEvents = EventHandlers.builder()
                .on(EventCatalog.LOT_OPENED, market::lotChanged)
                .on(EventCatalog.LOT_CLOSED, market::lotChanged)
                .on(EventCatalog.LOT_CHANGED, market::lotChanged)
                .on(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, callOffRules::established)
                .build();
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, market::admitted)
                .on(EventCatalog.PROVIDER_SUSPENDED, market::suspended)
                .on(EventCatalog.PROVIDER_REINSTATED, market::reinstated)
                .on(EventCatalog.PROVIDER_TIER_CHANGED, market::tierChanged)
                .on(EventCatalog.PROVIDER_WITHDRAWN, market::withdrawn)
                .on(EventCatalog.PROVIDER_REGISTERED, registrations::registered)
                .on(EventCatalog.SETTING_REGISTERED, settings::settingChanged)
                .on(EventCatalog.SETTING_CHANGED, settings::settingChanged)
                .on(EventCatalog.VACANCY_DECLARED, settings::vacancyChanged)
                .on(EventCatalog.VACANCY_CONFIRMED, settings::vacancyChanged)
                .on(EventCatalog.VACANCY_WITHDRAWN, settings::vacancyChanged)
                .build();
        qualityEvents = EventHandlers.builder()
                .on(EventCatalog.INSPECTION_RECORDED, market::inspected)
                .on(EventCatalog.RISK_RATING_CHANGED, market::riskRated)
                .build();
    }

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-lots", records, lotEvents);
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-members", records, providerEvents);
    }

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("market-quality", records, qualityEvents);
    }
}
