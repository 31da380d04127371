package uk.gov.dps.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Which kinds of notification a user also wants by email. In-app is always on; email is off until chosen. The
 * audiences the user's token had when they chose are kept, so their emails follow their notifications.
 */
@ApplicationScoped
public class Preferences {

    public record Preference(String email, List<String> emailKinds) {
    }

    @Inject
    Db db;

    @Inject
    Clock clock;

    public Optional<Preference> of(String subject) {
        return db.one("SELECT email, email_kinds FROM notification_preference WHERE subject = ?",
                rs -> new Preference(rs.getString("email"), Db.strings(rs, "email_kinds")), subject);
    }

    @Transactional
    public void save(String subject, String email, List<String> audiences, List<String> emailKinds) {
        db.update("INSERT INTO notification_preference (subject, email, audiences, email_kinds, updated_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email, "
                + "audiences = EXCLUDED.audiences, email_kinds = EXCLUDED.email_kinds, updated_at = EXCLUDED.updated_at",
                subject, email, audiences, emailKinds, clock.instant());
    }
}
