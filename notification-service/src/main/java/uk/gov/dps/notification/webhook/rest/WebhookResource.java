package uk.gov.dps.notification.webhook.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.notification.webhook.domain.WebhookAttempt;
import uk.gov.dps.notification.webhook.domain.WebhookDelivery;
import uk.gov.dps.notification.webhook.domain.WebhookSubscription;
import uk.gov.dps.notification.webhook.service.WebhookService;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/**
 * Webhooks for a partner council's own systems: the platform posts the events the council subscribed to, as
 * CloudEvents signed the Standard Webhooks way, to its https callback. Managed with the council system's
 * client-credentials token (whose service account has the placement-officer and finance-officer roles) or by a
 * commissioner of the council.
 */
@Path("/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.FINANCE_OFFICER})
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    public record NewWebhookRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty @Size(max = 100) List<@NotBlank String> eventTypes,
            @Size(max = 500) String description) {
    }

    /** {@code secret} only in the answer to its creation or a rotation: store it, it is never shown again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(UUID id, String council, String url, String description, List<String> eventTypes,
            WebhookSubscription.Status status, String parkedReason, Instant parkedAt, Instant createdAt,
            String createdBy, Instant previousSecretValidUntil, String secret) {

        static WebhookView of(WebhookSubscription s, String secret) {
            return new WebhookView(s.id, s.council, s.url, s.description, List.of(s.eventTypes), s.status,
                    s.parkedReason, s.parkedAt, s.createdAt, s.createdBy, s.previousSecretUntil, secret);
        }
    }

    /** One POST: the receiver's HTTP status, or the error when it gave none (timeout, refused connection). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    /** {@code id} is the webhook-id header of every attempt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(UUID id, String eventId, String eventType, WebhookDelivery.Status status,
            int attemptCount, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            List<AttemptView> attempts) {

        static DeliveryView of(WebhookService.DeliveryWithAttempts d) {
            WebhookDelivery delivery = d.delivery();
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.status,
                    delivery.attemptCount, delivery.createdAt,
                    delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null,
                    delivery.deliveredAt, d.attempts().stream().map(DeliveryView::attempt).toList());
        }

        private static AttemptView attempt(WebhookAttempt a) {
            return new AttemptView(a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    @POST
    @Idempotent
    @Operation(summary = "Register your council's callback for some event types",
            description = "The url must be https on a host with public addresses only, without a user name or "
                    + "password. The answer carries the signing secret (whsec_...) once: deliveries carry "
                    + "webhook-id, webhook-timestamp and webhook-signature headers as the Standard Webhooks "
                    + "specification says. Your council receives only its own council's events and those about the "
                    + "shared market (providers, lots, quality).")
    public Response create(@Valid @NotNull NewWebhookRequest request) {
        WebhookService.WithSecret created = webhooks.create(
                new WebhookService.NewWebhook(request.url(), request.eventTypes(), request.description()));
        return Response.created(URI.create("/webhooks/" + created.subscription().id))
                .entity(WebhookView.of(created.subscription(), created.secret())).build();
    }

    @GET
    @Operation(summary = "Your council's webhooks, newest first, paged")
    public Page<WebhookView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(webhooks.list(page), page.page, page.size, s -> WebhookView.of(s, null));
    }

    @GET
    @Path("/{id}")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(id), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a webhook and its deliveries; nothing more is sent to it")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Operation(summary = "Rotate the signing secret",
            description = "Answers with the new secret, once. For previousSecretValidUntil each delivery carries "
                    + "two signatures, with the new and the old secret, so the receiver can switch at its pace.")
    public WebhookView rotateSecret(@PathParam("id") UUID id) {
        WebhookService.WithSecret rotated = webhooks.rotateSecret(id);
        return WebhookView.of(rotated.subscription(), rotated.secret());
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Send again to a parked webhook",
            description = "A webhook is parked when its deliveries failed for dps.webhooks.park-after (24 hours) "
                    + "without a success, or its receiver answered 410 Gone; what was pending goes out at once.")
    public WebhookView enable(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.enable(id), null);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, with every attempt, paged",
            description = "status: PENDING (not yet delivered, retried with back-off), DELIVERED or FAILED.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        return Page.of(webhooks.deliveries(id, QueryValues.optionalEnum(WebhookDelivery.Status.class, status,
                "status"), page), page.page, page.size, DeliveryView::of);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(summary = "Deliver again now, with the same webhook-id")
    public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(webhooks.retry(id, deliveryId))).build();
    }
}
