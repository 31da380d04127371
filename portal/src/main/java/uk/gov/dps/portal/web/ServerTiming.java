package uk.gov.dps.portal.web;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.gov.dps.portal.services.ServiceCalls;

/**
 * Every answer says how long the portal took and how many calls to the services the page made, in the standard
 * {@code Server-Timing} header (browsers' developer tools show it):
 * {@code Server-Timing: total;dur=41.2, services;dur=30.5;desc="2 calls"}. {@code ./dps bench} reads it to check that
 * no page makes more than a handful of calls. Timing is from the first route to the moment the headers are written,
 * so it covers sign-in checks, the service calls and rendering; the count is per page, never per person.
 */
public class ServerTiming {

    static final String HEADER = "Server-Timing";
    private static final String CALLS = ServerTiming.class.getName() + ".calls";

    @Inject
    ServiceCalls calls;

    void firstRoute(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(request -> {
            long start = System.nanoTime();
            request.addHeadersEndHandler(ignored -> request.response().putHeader(HEADER,
                    header((System.nanoTime() - start) / 1e6, request.get(CALLS))));
            request.next();
        });
    }

    /** Runs inside the request's CDI context, where the page's calls were counted. */
    @ServerResponseFilter
    public void countedCalls(RoutingContext request) {
        request.put(CALLS, new double[] {calls.count(), calls.millis()});
    }

    static String header(double totalMillis, double[] calls) {
        String total = String.format(Locale.ROOT, "total;dur=%.1f", totalMillis);
        if (calls == null) {
            return total;
        }
        return total + String.format(Locale.ROOT, ", services;dur=%.1f;desc=\"%d calls\"", calls[1], (int) calls[0]);
    }
}
