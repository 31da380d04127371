package uk.gov.dps.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Who decided what, when and why. Entries are written in the transaction of the decision itself, so there is
 * no decision without its entry and no entry for a decision that rolled back.
 */
@ApplicationScoped
public class AuditTrail {

    /** The actor of decisions the platform takes by itself (e.g. a suspension after an Inadequate judgement). */
    public static final Actor SYSTEM = new Actor("system", null);

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public record Actor(String name, String council) {
    }

    public record Entry(Instant at, String subjectType, String subjectId, String action, String actor,
            String actorCouncil, String reason, JsonNode details) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subjectType, Object subjectId, String action, Actor actor, String reason,
            Object details) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO audit_entry (subject_type, subject_id, action, actor, actor_council, at, reason, details) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, subjectType);
            insert.setString(2, subjectId.toString());
            insert.setString(3, action);
            insert.setString(4, actor.name());
            insert.setString(5, actor.council());
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.setString(7, reason);
            insert.setString(8, details == null ? null : json.writeValueAsString(details));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record " + action + " of " + subjectType + " " + subjectId, e);
        }
    }

    /** The entries about one subject, oldest first. */
    public List<Entry> about(Object subjectId, PageRequest page) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT at, subject_type, subject_id, action, actor, actor_council, reason, details FROM audit_entry "
                        + "WHERE subject_id = ? ORDER BY id OFFSET ? LIMIT ?")) {
            select.setString(1, subjectId.toString());
            select.setInt(2, page.first());
            select.setInt(3, page.last() - page.first() + 1);
            try (ResultSet rs = select.executeQuery()) {
                List<Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    String details = rs.getString(8);
                    entries.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            details == null ? null : json.readTree(details)));
                }
                return entries;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the audit trail of " + subjectId, e);
        }
    }
}
