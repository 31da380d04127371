package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;

/** A use case of the test application: a state change and its event, in one transaction. */
@ApplicationScoped
public class TestRegistrations {

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Transactional
    public void register(UUID id, String name) {
        insert(id, name);
        outbox.publish(EventCatalog.PROVIDER_REGISTERED, id,
                new ProviderRegistered(id, name, null, null, null, "CB1 1AA", Instant.now()));
    }

    /** Writes the row and the event, then fails: neither may survive. */
    @Transactional
    public void registerThenFail(UUID id, String name) {
        register(id, name);
        throw new IllegalStateException("business rule failed after the event was written");
    }

    private void insert(UUID id, String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO test_registration VALUES (?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
