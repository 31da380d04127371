package uk.gov.dps.runtime;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every answer is JSON (problems as problem+json, the live feed as an event stream): a client that accepts none of
 * these gets a 406 up front, rather than some other rendering of the data.
 */
public class AnswersInJson {

    private static final List<MediaType> SERVED = List.of(MediaType.APPLICATION_JSON_TYPE, Problem.PROBLEM_JSON,
            MediaType.SERVER_SENT_EVENTS_TYPE);

    @ServerRequestFilter
    public Optional<Response> refuseWhatWeCannotAnswerIn(HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        if (headers.getAcceptableMediaTypes().stream().anyMatch(wanted -> SERVED.stream().anyMatch(wanted::isCompatible))) {
            return Optional.empty();
        }
        // an operation that also answers in another type (a report as text/csv) declares it with @Produces
        if (headers.getAcceptableMediaTypes().stream().anyMatch(wanted -> alsoProduced(resource).stream()
                .anyMatch(wanted::isCompatible))) {
            return Optional.empty();
        }
        return Optional.of(new Problem("about:blank", "Not Acceptable", 406, "This API answers in application/json "
                + "(problems in application/problem+json, the live feed in text/event-stream).", uri.getPath(),
                List.of()).toResponse());
    }

    private static List<MediaType> alsoProduced(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Produces produces = method == null ? null : method.getAnnotation(Produces.class);
        return produces == null ? List.of() : Arrays.stream(produces.value()).map(MediaType::valueOf).toList();
    }
}
