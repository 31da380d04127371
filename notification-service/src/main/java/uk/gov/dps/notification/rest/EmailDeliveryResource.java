package uk.gov.dps.notification.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.notification.service.NotificationQueries;
import uk.gov.dps.notification.service.NotificationQueries.Delivery;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/email-deliveries")
@Tag(name = "Notifications")
@RolesAllowed(Roles.COMMISSIONER)
public class EmailDeliveryResource {

    /** PENDING (waiting or to be retried), SENT, FAILED (gave up after the last attempt). */
    public enum Status {
        PENDING, SENT, FAILED
    }

    @Inject
    NotificationQueries queries;

    @Inject
    Caller caller;

    public record EmailDeliveryView(UUID id, UUID notificationId, String kind, String address, String status,
            int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

        static EmailDeliveryView of(Delivery d) {
            return new EmailDeliveryView(d.id(), d.notificationId(), d.kind(), d.address(), d.status(), d.attempts(),
                    "PENDING".equals(d.status()) ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(),
                    d.sentAt());
        }
    }

    @GET
    @Operation(summary = "Emails to your council's team mailboxes, newest first, paged",
            description = "For commissioners: every email sent (or being retried, or given up) to one of your "
                    + "council's configured team mailboxes, e.g. status=FAILED to find a mailbox that refuses mail.")
    public Page<EmailDeliveryView> list(@QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(Status.class, status, "status").map(Enum::name);
        return Page.of(queries.councilDeliveries(caller.requirePartnerCouncil(), wanted, page), page.page, page.size,
                EmailDeliveryView::of);
    }
}
