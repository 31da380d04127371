package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.provider.ProviderWithdrawn;

/** A consumer of the test application, written the way services write theirs. */
@ApplicationScoped
public class TestProjection {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    private EventHandlers providerEvents;

    @PostConstruct
    void handlers() {
        providerEvents = EventHandlers.builder()
                .on(EventCatalog.PROVIDER_REGISTERED, this::registered)
                .on(EventCatalog.PROVIDER_WITHDRAWN, this::withdrawn)
                .build();
    }

    @Incoming("dps.providers")
    @Blocking
    void onProviderEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch("test-projection", records, providerEvents);
    }

    private void registered(ProviderRegistered registered) {
        if (registered.name().isBlank()) {
            throw new IllegalArgumentException("a provider without a name cannot be projected");
        }
        update("INSERT INTO test_projection VALUES (?, ?, 1) ON CONFLICT (provider_id) "
                + "DO UPDATE SET applied = test_projection.applied + 1", registered.providerId(), registered.name());
    }

    /** A handler that needs the event as well as its payload. */
    private void withdrawn(ProviderWithdrawn withdrawn, IncomingEvent event) {
        update("INSERT INTO test_withdrawal VALUES (?, ?)", withdrawn.providerId(), event.id());
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                update.setObject(i + 1, args[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
