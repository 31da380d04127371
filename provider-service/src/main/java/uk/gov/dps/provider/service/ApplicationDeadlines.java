package uk.gov.dps.provider.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ApplicationDueSoon;
import uk.gov.dps.events.provider.ApplicationOverdue;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.config.ProviderConfig;
import uk.gov.dps.provider.domain.Application;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.WorkingDays;

/**
 * Tells commissioners (through notification-service) about the legal clock on applications to lots: an undecided
 * application is announced once when it is due within the warning period and once when its due date has passed.
 * Each announcement is a row in application_deadline_notice written with the outbox row in one transaction, so a
 * check that runs again, or on two instances at once, announces nothing twice.
 */
@ApplicationScoped
public class ApplicationDeadlines {

    enum Kind {
        DUE_SOON, OVERDUE
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ProviderConfig config;

    @Inject
    EntityManager entityManager;

    @Scheduled(every = "${dps.provider.application-check-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkDeadlines() {
        checkDeadlinesAsOf(LocalDate.now(clock.withZone(PlatformClock.UK)));
    }

    /** Announces what is due as of {@code today}: the scheduled check's work, callable with any date. */
    public void checkDeadlinesAsOf(LocalDate today) {
        // due dates are working days, so "due within N working days" is "due on or before the Nth working day ahead"
        LocalDate horizon = WorkingDays.addWorkingDays(today, config.applicationDueSoonWorkingDays());
        QuarkusTransaction.requiringNew().run(() -> unannounced(today, horizon).forEach(id -> {
            Application application = Application.findById(id);
            if (application.isOverdue(today)) {
                if (claim(application, Kind.OVERDUE)) {
                    outbox.publish(EventCatalog.APPLICATION_OVERDUE, application.providerId, new ApplicationOverdue(
                            application.id, application.providerId, providerName(application), application.lotId,
                            application.dueOn, application.workingDaysOverdue(today)));
                }
            } else if (claim(application, Kind.DUE_SOON)) {
                // an application first seen when already overdue gets only the overdue announcement (above)
                outbox.publish(EventCatalog.APPLICATION_DUE_SOON, application.providerId, new ApplicationDueSoon(
                        application.id, application.providerId, providerName(application), application.lotId,
                        application.dueOn, application.workingDaysLeft(today)));
            }
        }));
    }

    /** Undecided applications due by {@code horizon} whose current announcement has not been made. */
    @SuppressWarnings("unchecked")
    private List<UUID> unannounced(LocalDate today, LocalDate horizon) {
        return entityManager.createNativeQuery("""
                SELECT a.id FROM application a
                WHERE a.status = 'PENDING' AND a.due_on <= :horizon
                  AND NOT EXISTS (SELECT 1 FROM application_deadline_notice n
                                  WHERE n.application_id = a.id AND n.due_on = a.due_on
                                    AND n.kind = CASE WHEN a.due_on < :today THEN 'OVERDUE' ELSE 'DUE_SOON' END)
                ORDER BY a.due_on, a.id""", UUID.class)
                .setParameter("horizon", horizon).setParameter("today", today).getResultList();
    }

    /**
     * Records the announcement unless it was made already (by an earlier run, or by another instance whose
     * transaction this insert waits for) or the application has been decided meanwhile: true if this run makes it.
     */
    private boolean claim(Application application, Kind kind) {
        return entityManager.createNativeQuery("""
                INSERT INTO application_deadline_notice (application_id, kind, due_on, announced_at)
                SELECT id, :kind, due_on, :now FROM application
                WHERE id = :id AND status = 'PENDING' AND due_on = :dueOn
                ON CONFLICT DO NOTHING""")
                .setParameter("kind", kind.name()).setParameter("now", clock.instant())
                .setParameter("id", application.id).setParameter("dueOn", application.dueOn)
                .executeUpdate() == 1;
    }

    private static String providerName(Application application) {
        return Provider.<Provider>findById(application.providerId).name;
    }
}
