package uk.gov.dps.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Deadline reminders: a scheduled check, on the platform clock, sends each call-off's reminder once to the invited
 * providers that have neither offered nor declined. The call-off row is locked while its reminder is written, so
 * two replicas never both send it.
 */
@ApplicationScoped
public class Reminders {

    private record Due(UUID referralId, String council, UUID lotId, String category, Instant respondBy) {
    }

    @Inject
    Db db;

    @Inject
    Clock clock;

    @Inject
    EventNotifications notifications;

    @Scheduled(every = "${dps.notifications.reminders.check-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        while (sendDue(50) == 50) {
            // more are due
        }
    }

    /** @return how many call-offs' reminders were sent */
    int sendDue(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Due> due = db.query("SELECT referral_id, council, lot_id, category, respond_by FROM call_off "
                    + "WHERE remind_at <= ? AND reminded_at IS NULL ORDER BY remind_at LIMIT ? FOR UPDATE SKIP LOCKED",
                    rs -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), Db.instant(rs, "respond_by")),
                    now, limit);
            for (Due call : due) {
                // past the deadline already (the service was down): too late to remind
                if (call.respondBy().isAfter(now)) {
                    notifications.remind(call.referralId(), call.council(), call.lotId(), call.category(),
                            call.respondBy());
                }
                db.update("UPDATE call_off SET reminded_at = ? WHERE referral_id = ?", now, call.referralId());
            }
            return due.size();
        });
    }
}
