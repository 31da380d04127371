package uk.gov.dps.runtime;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * What every service's metrics share: a {@code service} label on every series (the dashboards and alert rules in
 * k8s/ group by it, and a series keeps it wherever it is scraped from), and counting only what committed.
 */
@ApplicationScoped
public class ServiceMetrics {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Produces
    @Singleton
    MeterFilter serviceLabel(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(List.of(Tag.of("service", service)));
    }

    /**
     * Increments {@code counter} once the caller's transaction commits: a business count (an alert raised, a
     * window closed) must not count work that rolled back and will be done again.
     */
    public void incrementAfterCommit(Counter counter) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
