package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;

/** A consumer of the test application, written the way services write theirs. */
@ApplicationScoped
public class TestProjection {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("test-projection", records, event -> {
            if (event.type().equals(EventCatalog.PROVIDER_REGISTERED.type())) {
                apply(event.payloadAs(ProviderRegistered.class));
            }
        });
    }

    private void apply(ProviderRegistered registered) {
        if (registered.name().isBlank()) {
            throw new IllegalArgumentException("a provider without a name cannot be projected");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement(
                        "INSERT INTO test_projection VALUES (?, ?, 1) ON CONFLICT (provider_id) "
                                + "DO UPDATE SET applied = test_projection.applied + 1")) {
            upsert.setObject(1, registered.providerId());
            upsert.setString(2, registered.name());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
