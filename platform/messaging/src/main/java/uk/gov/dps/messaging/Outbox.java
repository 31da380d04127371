package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.EventType;

/**
 * Records an event in the caller's database transaction. It is published only if that transaction commits,
 * and then at once: commit wakes the {@link OutboxRelay}.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    /**
     * @param type        what happened; its payload record class must match {@code payload}
     * @param aggregateId the aggregate the event is about: record key (ordering) and CloudEvents subject
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(EventType type, Object aggregateId, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName() + ", not "
                    + payload.getClass().getSimpleName());
        }
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, type, aggregate_id, payload, occurred_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, type.topic());
            insert.setString(3, type.type());
            insert.setString(4, aggregateId.toString());
            insert.setString(5, EventJson.mapper().writeValueAsString(payload));
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write " + type.type() + " to the outbox", e);
        }
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
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
                    relay.wake();
                }
            }
        });
    }
}
