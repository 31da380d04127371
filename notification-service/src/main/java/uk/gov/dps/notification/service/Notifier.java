package uk.gov.dps.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import uk.gov.dps.notification.config.Mailboxes;
import uk.gov.dps.notification.domain.Audience;
import uk.gov.dps.notification.domain.NotificationKind;

/**
 * Stores a notification for its audience and, in the same transaction, one PENDING email delivery per address
 * that should get it by email; the {@link EmailSender} is woken once the transaction commits. Keys make both
 * idempotent: a notification per (event, kind, audience), an email per (event, kind, address).
 */
@ApplicationScoped
public class Notifier {

    private static final String WAKE_KEY = Notifier.class.getName() + ".wake";

    @Inject
    Db db;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Clock clock;

    @Inject
    EmailSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What the audience is told: a title, a short body and a link into the application. */
    public record Message(String title, String body, String link) {
    }

    /** @return the notification's id, or null when this event had already notified this audience of this kind */
    public UUID notify(String eventId, NotificationKind kind, Audience audience, Message message) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int inserted = db.update("INSERT INTO notification (id, event_id, kind, audience, council, provider_id, title, "
                + "body, link, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, eventId, kind.name(), audience.key(), audience.council(), audience.providerId(), message.title(),
                message.body(), message.link(), now);
        if (inserted == 0) {
            return null;
        }
        Map<String, String> addresses = emailRecipients(kind, audience);
        for (Map.Entry<String, String> recipient : addresses.entrySet()) {
            db.update("INSERT INTO email_delivery (id, notification_id, event_id, kind, address, mailbox_council, "
                    + "status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) "
                    + "ON CONFLICT DO NOTHING", UUID.randomUUID(), id, eventId, kind.name(), recipient.getKey(),
                    recipient.getValue(), now, now);
        }
        if (!addresses.isEmpty()) {
            wakeSenderAfterCommit();
        }
        return id;
    }

    /**
     * Address → the council whose team mailbox it is (null for a provider's contacts and users' own addresses): the
     * team's configured mailbox, or the provider's contacts of the kind's contact kind, and every user of the
     * audience who asked for this kind by email.
     */
    Map<String, String> emailRecipients(NotificationKind kind, Audience audience) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (audience.isProvider()) {
            kind.contactKind().ifPresent(contactKind -> db.query(
                    "SELECT email FROM provider_contact WHERE provider_id = ? AND ? = ANY (kinds) ORDER BY email",
                    rs -> rs.getString(1), audience.providerId(), contactKind.name())
                    .forEach(address -> addresses.put(normalise(address), null)));
        } else {
            mailboxes.of(audience.council(), audience.role())
                    .ifPresent(address -> addresses.put(normalise(address), audience.council()));
        }
        db.query("SELECT email FROM notification_preference WHERE email IS NOT NULL AND ? = ANY (audiences) "
                + "AND ? = ANY (email_kinds) ORDER BY email", rs -> rs.getString(1), audience.key(), kind.name())
                .forEach(address -> addresses.putIfAbsent(normalise(address), null));
        return addresses;
    }

    private static String normalise(String address) {
        return address.strip().toLowerCase(java.util.Locale.ROOT);
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
