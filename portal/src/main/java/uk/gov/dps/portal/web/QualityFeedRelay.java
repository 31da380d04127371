package uk.gov.dps.portal.web;

import java.net.URI;
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
 * The live quality feed for the browser: relays contract-monitoring-service's server-sent events as they come, with
 * the signed-in person's own token (so the service decides who may listen) and the client's Last-Event-ID (the
 * header EventSource sends when it reconnects by itself, or {@code ?after=} when the page's script opens a new
 * one), so a dropped connection resumes where it stopped: the service replays what was missed, nothing twice.
 * A plain Vert.x route, so the bytes pass through untouched and as soon as they arrive.
 */
@ApplicationScoped
public class QualityFeedRelay {

    static final String PATH = "/quality-feed/events";

    private static final Logger LOG = Logger.getLogger(QualityFeedRelay.class);

    @ConfigProperty(name = "quarkus.rest-client.contract-monitoring-service.url")
    URI service;

    private HttpClient client;

    void routes(@Observes Router router, Vertx vertx) {
        // no idle time-out: the service's heartbeats keep the stream alive, and a feed may stay quiet a long time
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
        router.get(PATH).handler(this::relay);
    }

    /** The service's stream path with the page's filters (provider, repeated type) passed on, and nothing else. */
    static String upstreamPath(URI service, RoutingContext context) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("provider", "type")) {
            for (String value : context.queryParam(name)) {
                if (!value.isBlank()) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                            .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        String base = service.getPath() == null ? "" : service.getPath().replaceAll("/$", "");
        return base + "/quality-events/stream" + query;
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

    private void relay(RoutingContext context) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(service.getHost())
                .setPort(service.getPort() > 0 ? service.getPort() : 80).setURI(upstreamPath(service, context))
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
            LOG.warnf("the quality feed could not be reached: %s", failure.getMessage());
            if (!response.ended()) {
                response.setStatusCode(503).putHeader("Content-Type", "text/plain").end("feed unavailable");
            }
        });
    }
}
