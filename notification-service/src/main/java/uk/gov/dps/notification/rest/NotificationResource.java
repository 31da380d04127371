package uk.gov.dps.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.notification.service.NotificationQueries;
import uk.gov.dps.notification.service.NotificationQueries.Delivery;
import uk.gov.dps.notification.service.NotificationQueries.Notification;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@Path("/notifications")
@Tag(name = "Notifications")
@Authenticated
public class NotificationResource {

    @Inject
    NotificationQueries queries;

    @Inject
    Caller caller;

    public record NotificationView(UUID id, String kind, String title, String body, String link, Instant createdAt,
            boolean read, Instant readAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(),
                    n.readAt() != null, n.readAt());
        }
    }

    public record DeliveryView(String address, String status, int attempts, Instant nextAttemptAt, String lastError,
            Instant sentAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.address(), d.status(), d.attempts(),
                    "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.lastError(), d.sentAt());
        }
    }

    public record NotificationDetail(UUID id, String kind, String title, String body, String link, Instant createdAt,
            boolean read, Instant readAt, List<DeliveryView> emails) {
    }

    @GET
    @Operation(summary = "Your notifications: unread first, then newest first, paged",
            description = "Those addressed to your provider organisation (provider_id claim), or to your council's "
                    + "team of each of your roles. unread=true: only unread; unread=false: only read; absent: all.")
    public Page<NotificationView> list(@QueryParam("unread") String unread, @Valid @BeanParam PageRequest page) {
        return Page.of(queries.list(queries.audiences(caller), caller.subject(), flag(unread), page), page.page,
                page.size, NotificationView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your notifications, with the emails that carried it and their status")
    public NotificationDetail get(@PathParam("id") UUID id) {
        Notification n = queries.get(id, queries.audiences(caller), caller.subject());
        return new NotificationDetail(n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(),
                n.readAt() != null, n.readAt(), queries.deliveriesOf(id).stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of your notifications read (for you alone; idempotent)")
    public NotificationView read(@PathParam("id") UUID id) {
        return NotificationView.of(queries.markRead(id, queries.audiences(caller), caller.subject()));
    }

    static Optional<Boolean> flag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.badRequest("unread", "must be true or false");
        };
    }
}
