package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the test application's tables. */
@ApplicationScoped
public class MessagingTestSupport {

    @Inject
    DataSource dataSource;

    public long count(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times the projection applied the provider's registration (0 when never). */
    public long applied(UUID providerId) {
        return count("SELECT coalesce(max(applied), 0) FROM test_projection WHERE provider_id = ?", providerId);
    }

    public long pendingInOutbox(UUID aggregateId) {
        return count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", aggregateId.toString());
    }
}
