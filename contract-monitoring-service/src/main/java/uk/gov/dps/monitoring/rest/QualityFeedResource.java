package uk.gov.dps.monitoring.rest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.messaging.feed.FeedPosition;
import uk.gov.dps.messaging.feed.FeedStream;
import uk.gov.dps.monitoring.config.MonitoringConfig;
import uk.gov.dps.monitoring.messaging.QualityFeed;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/**
 * The quality events as server-sent events, the moment they are committed: for monitoring officers and
 * commissioners of the partner councils, who share all monitoring data. Provider users are refused (their own KPI
 * returns are at /kpi-returns).
 */
@Path("/quality-events")
@Tag(name = "Live feed")
public class QualityFeedResource {

    static final Set<String> QUALITY_TYPES = EventCatalog.ALL.stream().filter(t -> t.topic().equals(Topics.QUALITY))
            .map(EventType::type).collect(Collectors.toUnmodifiableSet());

    @Inject
    QualityFeed feed;

    @Inject
    MonitoringConfig config;

    @Inject
    Caller caller;

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Live feed of quality events (text/event-stream)",
            description = "Each event: id = the feed's position just after it (e.g. 0:17,1:9,2:30), event = type "
                    + "(e.g. dps.quality.inspection-recorded.v1), data = {id, type, providerId, time, payload} with the "
                    + "CloudEvents id and the payload exactly as on dps.quality. Starts with a comment line once the "
                    + "feed is listening; comment heartbeats keep it open. provider=<id> and type=<event type> "
                    + "(repeatable) narrow it. A client that reconnects with Last-Event-ID (as EventSource does) "
                    + "first gets the events it missed, still on dps.quality, then the live ones, none twice.")
    public Multi<OutboundSseEvent> stream(@QueryParam("provider") String provider, @QueryParam("type") List<String> types,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Access.partnerCouncil(caller);
        Optional<UUID> providerId = QueryValues.optionalId(provider, "provider");
        Set<String> wanted = wantedTypes(types);
        Optional<FeedPosition> after = FeedStream.lastEventId(lastEventId);
        return FeedStream.sse(feed.feed(), after, e -> wanted.contains(e.type())
                && providerId.map(id -> id.equals(e.providerId())).orElse(true),
                sse, "listening to dps.quality", config.feed().heartbeat());
    }

    private static Set<String> wantedTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            return QUALITY_TYPES;
        }
        for (String type : types) {
            if (!QUALITY_TYPES.contains(type)) {
                throw ProblemException.badRequest("type", "must be one of " + QUALITY_TYPES.stream().sorted().toList());
            }
        }
        return Set.copyOf(types);
    }
}
