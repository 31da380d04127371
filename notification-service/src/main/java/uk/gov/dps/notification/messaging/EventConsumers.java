package uk.gov.dps.notification.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.messaging.EventHandlers;
import uk.gov.dps.messaging.Inbox;
import uk.gov.dps.notification.service.Directory;
import uk.gov.dps.notification.service.EventNotifications;

/**
 * The events that notify someone, and those that say who: each topic through the Inbox, so an event is applied
 * once, and its notifications and PENDING emails are stored in the same transaction as its inbox row.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    Inbox inbox;

    @Inject
    EventNotifications notifications;

    @Inject
    Directory directory;

    private EventHandlers placementEvents;
    private EventHandlers providerEvents;
    private EventHandlers lotEvents;
    private EventHandlers qualityEvents;
    private EventHandlers spendEvents;

    @PostConstruct
    void handlers() {
        placementEvents = EventHandlers.builder()
                .on(EventCatalog.CALL_OFF_ISSUED, notifications::callOffIssued)
                .on(EventCatalog.OFFER_SUBMITTED, notifications::offerSubmitted)
                .on(EventCatalog.OFFER_DECLINED, notifications::offerDeclined)
                .on(EventCatalog.PLACEMENT_AWARDED, notifications::placementAwarded)
                .on(EventCatalog.SPOT_PURCHASE_MADE, directory::spotPurchased)
                .on(EventCatalog.PLACEMENT_ENDED, directory::ended)
                .on(EventCatalog.EXEMPTION_EXPIRING, notifications::exemptionExpiring)
                .on(EventCatalog.FEE_CHANGE_REQUESTED, notifications::feeChangeRequested)
                .on(EventCatalog.FEE_CHANGE_DECIDED, notifications::feeChangeDecided)
                .on(EventCatalog.PANEL_REQUESTED, notifications::panelRequested)
                .on(EventCatalog.PANEL_DECIDED, notifications::panelDecided)
                .on(EventCatalog.REFERRAL_CANCELLED, notifications::referralCancelled)
                .build();
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_REGISTERED, directory::registered)
                .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, directory::admitted)
                .on(EventCatalog.PROVIDER_WITHDRAWN, directory::withdrawn)
                .on(EventCatalog.PROVIDER_CONTACTS_CHANGED, directory::contactsChanged)
                .on(EventCatalog.APPLICATION_SUBMITTED, notifications::applicationSubmitted)
                .on(EventCatalog.APPLICATION_DUE_SOON, notifications::applicationDueSoon)
                .on(EventCatalog.APPLICATION_OVERDUE, notifications::applicationOverdue)
                .on(EventCatalog.PROVIDER_DOCUMENT_EXPIRING, notifications::documentExpiring)
                .on(EventCatalog.PROVIDER_DOCUMENT_EXPIRED, notifications::documentExpired)
                .build();
        lotEvents = EventHandlers.builder()
                .on(EventCatalog.LOT_OPENED, directory::lot)
                .on(EventCatalog.LOT_CLOSED, directory::lot)
                .on(EventCatalog.LOT_CHANGED, directory::lot)
                .build();
        qualityEvents = EventHandlers.builder()
                .on(EventCatalog.RISK_RATING_CHANGED, notifications::riskRatingChanged)
                .build();
        spendEvents = EventHandlers.builder()
                .on(EventCatalog.THRESHOLD_CROSSED, notifications::thresholdCrossed)
                .build();
    }

    @Incoming("dps.placements")
    @Blocking
    void onPlacementEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("notifications-placements", records, placementEvents);
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("notifications-providers", records, providerEvents);
    }

    @Incoming("dps.lots")
    @Blocking
    void onLotEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("notifications-lots", records, lotEvents);
    }

    @Incoming("dps.quality")
    @Blocking
    void onQualityEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("notifications-quality", records, qualityEvents);
    }

    @Incoming("dps.spend")
    @Blocking
    void onSpendEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("notifications-spend", records, spendEvents);
    }
}
