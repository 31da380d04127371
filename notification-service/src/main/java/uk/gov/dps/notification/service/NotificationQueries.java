package uk.gov.dps.notification.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/** The signed-in user's notifications, their read state, and the emails that carried them. */
@ApplicationScoped
public class NotificationQueries {

    /** The council roles whose teams receive notifications. */
    public static final List<String> COUNCIL_ROLES = List.of(Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER,
            Roles.PANEL, Roles.MONITORING_OFFICER, Roles.FINANCE_OFFICER);

    public record Notification(UUID id, String kind, String audience, String title, String body, String link,
            Instant createdAt, Instant readAt) {
    }

    public record Delivery(UUID id, UUID notificationId, String kind, String address, String status, int attempts,
            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
    }

    @Inject
    Db db;

    @Inject
    Clock clock;

    /**
     * The audiences whose notifications the caller sees: their provider organisation, or each of their roles in
     * their council; 403 for a token with neither.
     */
    public List<String> audiences(Caller caller) {
        Optional<UUID> provider = caller.providerClaim();
        if (provider.isPresent()) {
            return List.of("provider:" + provider.get());
        }
        if (caller.hasRole(Roles.PROVIDER)) {
            throw ProblemException.forbidden("Your token names no provider organisation.");
        }
        String council = caller.requirePartnerCouncil();
        List<String> audiences = new ArrayList<>();
        for (String role : COUNCIL_ROLES) {
            if (caller.hasRole(role)) {
                audiences.add("council:" + council + ":" + role);
            }
        }
        if (audiences.isEmpty()) {
            throw ProblemException.forbidden("Your token has no role that receives notifications.");
        }
        return audiences;
    }

    /** Up to {@code size + 1} rows: unread first, then newest first. */
    public List<Notification> list(List<String> audiences, String subject, Optional<Boolean> unread,
            PageRequest page) {
        String filter = unread.map(u -> u ? " AND r.read_at IS NULL" : " AND r.read_at IS NOT NULL").orElse("");
        return db.query("SELECT n.*, r.read_at FROM notification n LEFT JOIN notification_read r "
                + "ON r.notification_id = n.id AND r.subject = ? WHERE n.audience = ANY (?)" + filter
                + " ORDER BY (r.read_at IS NULL) DESC, n.created_at DESC, n.id LIMIT ? OFFSET ?",
                NotificationQueries::notification, subject, audiences, page.size + 1, page.first());
    }

    /** 404 when unknown; 403 when it is another council team's or provider's. */
    public Notification get(UUID id, List<String> audiences, String subject) {
        Notification found = db.one("SELECT n.*, r.read_at FROM notification n LEFT JOIN notification_read r "
                + "ON r.notification_id = n.id AND r.subject = ? WHERE n.id = ?", NotificationQueries::notification,
                subject, id).orElseThrow(() -> ProblemException.notFound("Notification", id));
        if (!audiences.contains(found.audience())) {
            throw ProblemException.forbidden("This notification is addressed to another team or organisation.");
        }
        return found;
    }

    @Transactional
    public Notification markRead(UUID id, List<String> audiences, String subject) {
        get(id, audiences, subject);
        db.update("INSERT INTO notification_read (notification_id, subject, read_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", id, subject, clock.instant());
        return get(id, audiences, subject);
    }

    public List<Delivery> deliveriesOf(UUID notificationId) {
        return db.query("SELECT * FROM email_delivery WHERE notification_id = ? ORDER BY address",
                NotificationQueries::delivery, notificationId);
    }

    /** Emails to the council's team mailboxes, newest first; up to {@code size + 1} rows. */
    public List<Delivery> councilDeliveries(String council, Optional<String> status, PageRequest page) {
        return db.query("SELECT * FROM email_delivery WHERE mailbox_council = ?"
                + (status.isPresent() ? " AND status = ?" : "")
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?", NotificationQueries::delivery,
                status.isPresent() ? new Object[] { council, status.get(), page.size + 1, page.first() }
                        : new Object[] { council, page.size + 1, page.first() });
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("audience"),
                rs.getString("title"), rs.getString("body"), rs.getString("link"), Db.instant(rs, "created_at"),
                Db.instant(rs, "read_at"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getString("kind"), rs.getString("address"), rs.getString("status"), rs.getInt("attempts"),
                Db.instant(rs, "next_attempt_at"), rs.getString("last_error"), Db.instant(rs, "created_at"),
                Db.instant(rs, "sent_at"));
    }
}
