package uk.gov.dps.portal.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live feeds for the browser: relays a service's server-sent events as they come, with the signed-in person's
 * own token (so the service decides who may listen) and the client's Last-Event-ID (the header EventSource sends
 * when it reconnects by itself, or {@code ?after=} when the page's script opens a new one), so a dropped connection
 * resumes where it stopped: the service replays what was missed, nothing twice. Plain Vert.x routes, so the bytes
 * pass through untouched and as soon as they arrive. One relay for every feed: quality (contract-monitoring-service)
 * and vacancies (provider-service).
 */
@ApplicationScoped
public class FeedRelays {

    static final String QUALITY = "/quality-feed/events";
    static final String VACANCIES = "/vacancies/live/events";

    private static final Logger LOG = Logger.getLogger(FeedRelays.class);

    /** A feed: the portal's path, the service's stream, and the query parameters the page may pass on to it. */
    record Feed(String name, String path, URI service, String upstream, List<String> filters) {
    }

    @ConfigProperty(name = "quarkus.rest-client.contract-monitoring-service.url")
    URI monitoringService;

    @ConfigProperty(name = "quarkus.rest-client.provider-service.url")
    URI providerService;

    private HttpClient client;

    void routes(@Observes Router router, Vertx vertx) {
        // no idle time-out: the services' heartbeats keep a stream alive, and a feed may stay quiet a long time
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        for (Feed feed : List.of(
                new Feed("quality feed", QUALITY, monitoringService, "/quality-events/stream",
                        List.of("provider", "type")),
                // the page filters what it shows itself: the service's feed has no filters
                new Feed("vacancy feed", VACANCIES, providerService, "/vacancies/feed", List.of()))) {
            router.get(feed.path()).handler(context -> relay(feed, context));
        }
    }

    /** The service's stream path with the page's filters passed on, and nothing else. */
    static String upstreamPath(Feed feed, RoutingContext context) {
        StringBuilder query = new StringBuilder();
        for (String name : feed.filters()) {
            for (String value : context.queryParam(name)) {
                if (!value.isBlank()) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        String base = feed.service().getPath() == null ? "" : feed.service().getPath().replaceAll("/$", "");
        return base + feed.upstream() + query;
    }

    /** Where the browser's feed stopped: EventSource's own header first, else the page script's ?after=. */
    static String lastEventId(RoutingContext context) {
        String header = context.request().getHeader("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return header;
        }
        List<String> after = context.queryParam("after");
        return after.isEmpty() || after.get(0).isBlank() ? null : after.get(0);
    }

    private void relay(Feed feed, RoutingContext context) {
        URI service = feed.service();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(service.getHost())
                .setPort(service.getPort() > 0 ? service.getPort() : 80).setURI(upstreamPath(feed, context))
                .putHeader("Accept", "text/event-stream");
        if (context.user() instanceof QuarkusHttpUser user) {
            AccessTokenCredential token = user.getSecurityIdentity().getCredential(AccessTokenCredential.class);
            if (token != null) {
                options.putHeader("Authorization", "Bearer " + token.getToken());
            }
        }
        String lastEventId = lastEventId(context);
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        var response = context.response();
        client.request(options).compose(request -> request.send()).onSuccess(upstream -> {
            response.setStatusCode(upstream.statusCode());
            String type = upstream.getHeader("Content-Type");
            response.putHeader("Content-Type", type == null ? "text/event-stream" : type);
            response.putHeader("Cache-Control", "no-store");
            // a proxy in front of the portal must not buffer the stream
            response.putHeader("X-Accel-Buffering", "no");
            response.setChunked(true);
            // the browser went away: close the service's stream too
            response.closeHandler(closed -> upstream.request().connection().close());
            upstream.pipeTo(response);
        }).onFailure(failure -> {
            LOG.warnf("the %s could not be reached: %s", feed.name(), failure.getMessage());
            if (!response.ended()) {
                response.setStatusCode(503).putHeader("Content-Type", "text/plain").end("feed unavailable");
            }
        });
    }
}
