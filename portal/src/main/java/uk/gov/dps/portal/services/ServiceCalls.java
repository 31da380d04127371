package uk.gov.dps.portal.services;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.RequestScoped;

/**
 * How many calls to the services one page made, and how long they took: a page that makes more than a handful is an
 * N+1 across the network. Counted by {@link ServiceCallCounter} for every REST client, reported in the page's
 * {@code Server-Timing} header (web/ServerTiming), which {@code ./dps bench} reads.
 */
@RequestScoped
public class ServiceCalls {

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    void started() {
        count.incrementAndGet();
    }

    void answered(long tookNanos) {
        nanos.addAndGet(tookNanos);
    }

    public int count() {
        return count.get();
    }

    public double millis() {
        return nanos.get() / 1e6;
    }
}
