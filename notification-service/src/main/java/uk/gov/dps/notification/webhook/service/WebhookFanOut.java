package uk.gov.dps.notification.webhook.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.messaging.IncomingEvent;
import uk.gov.dps.messaging.PoisonEventException;
import uk.gov.dps.notification.webhook.domain.WebhookRouting;
import uk.gov.dps.runtime.PartnerCouncils;

/**
 * Turns one event into one pending delivery per active subscription of a council allowed to see it
 * ({@link WebhookRouting}), in the consumer's transaction. A redelivered event adds nothing: a subscription has at
 * most one delivery per event id. The sender is woken once the transaction commits.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final String WAKE_KEY = WebhookFanOut.class.getName() + ".wake";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    PartnerCouncils partners;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookSender sender;

    @Transactional(Transactional.TxType.MANDATORY)
    public void fanOut(IncomingEvent event) {
        JsonNode payload;
        try {
            payload = EventJson.mapper().readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + event.type() + " " + event.id() + " is not JSON");
        }
        try (Connection connection = dataSource.getConnection()) {
            rememberReferral(connection, event.topic(), payload);
            WebhookRouting.Audience audience = WebhookRouting.audience(event.topic(), payload,
                    referral -> referralCouncil(connection, referral));
            String[] councils = partners.all().keySet().stream().filter(audience::includes).toArray(String[]::new);
            if (councils.length == 0) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status, "
                            + "next_attempt_at, created_at) "
                            + "SELECT gen_random_uuid(), s.id, ?, ?, ?, 'PENDING', ?, ? FROM webhook_subscription s "
                            + "WHERE s.status = 'ACTIVE' AND ? = ANY (s.event_types) AND s.council = ANY (?) "
                            + "ON CONFLICT (subscription_id, event_id) DO NOTHING")) {
                Timestamp now = Timestamp.from(clock.instant());
                insert.setString(1, event.id());
                insert.setString(2, event.type());
                insert.setString(3, cloudEvent(event, payload));
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.setString(6, event.type());
                insert.setArray(7, connection.createArrayOf("text", councils));
                if (insert.executeUpdate() > 0) {
                    wakeSenderAfterCommit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue webhooks for " + event.type() + " " + event.id(), e);
        }
    }

    /** The event as a CloudEvent in structured JSON: what the receiver gets, signed. */
    static String cloudEvent(IncomingEvent event, JsonNode payload) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("specversion", CloudEvents.SPEC_VERSION);
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("source", event.source() != null ? event.source() : Topics.producer(event.topic()));
        if (event.subject() != null) {
            body.put("subject", event.subject());
        }
        if (event.time() != null) {
            body.put("time", DateTimeFormatter.ISO_INSTANT.format(event.time()));
        }
        body.put("datacontenttype", CloudEvents.JSON);
        body.set("data", payload);
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Referrals and call-offs name their council; offers and declines only the referral. */
    private static void rememberReferral(Connection connection, String topic, JsonNode payload) throws SQLException {
        Optional<UUID> referral = WebhookRouting.referralId(payload);
        JsonNode council = payload.path("council");
        if (!Topics.PLACEMENTS.equals(topic) || referral.isEmpty() || !council.isTextual()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO webhook_referral (referral_id, council) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            upsert.setObject(1, referral.get());
            upsert.setString(2, council.asText());
            upsert.executeUpdate();
        }
    }

    private static Optional<String> referralCouncil(Connection connection, UUID referral) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT council FROM webhook_referral WHERE referral_id = ?")) {
            select.setObject(1, referral);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up referral " + referral, e);
        }
    }

    private void wakeSenderAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.wake();
                }
            }
        });
    }
}
