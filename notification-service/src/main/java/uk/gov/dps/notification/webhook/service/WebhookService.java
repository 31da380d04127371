package uk.gov.dps.notification.webhook.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.notification.webhook.WebhookConfig;
import uk.gov.dps.notification.webhook.domain.WebhookAttempt;
import uk.gov.dps.notification.webhook.domain.WebhookDelivery;
import uk.gov.dps.notification.webhook.domain.WebhookSignature;
import uk.gov.dps.notification.webhook.domain.WebhookSubscription;
import uk.gov.dps.notification.webhook.domain.WebhookUrlPolicy;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/**
 * A council's webhooks, managed by the council's own systems (a client-credentials token of the council) or its
 * commissioners; another council's webhook is 403.
 */
@ApplicationScoped
public class WebhookService {

    /** Keycloak names the user behind a client's client-credentials tokens {@code service-account-<client>}. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    WebhookUrlPolicy urls;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookSender sender;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public record NewWebhook(String url, List<String> eventTypes, String description) {
    }

    /** A subscription with the secret that signs its deliveries: shown once, when created or rotated. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    public record DeliveryWithAttempts(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    /** The caller's council, if the caller may manage its webhooks. */
    public String requireCouncilSystem() {
        String council = caller.requirePartnerCouncil();
        if (!caller.hasRole(Roles.COMMISSIONER) && !caller.name().startsWith(SERVICE_ACCOUNT_PREFIX)) {
            throw ProblemException.forbidden(
                    "Webhooks are managed by a council's own systems (client credentials) or its commissioners.");
        }
        return council;
    }

    @Transactional
    public WithSecret create(NewWebhook request) {
        String council = requireCouncilSystem();
        urls.problem(request.url()).ifPresent(problem -> {
            throw ProblemException.badRequest("url", problem);
        });
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < request.eventTypes().size(); i++) {
            String type = request.eventTypes().get(i);
            if (EventCatalog.find(type).isEmpty()) {
                throw ProblemException.badRequest("eventTypes[" + i + "]", "is not an event type of the platform: "
                        + type + " (see the AsyncAPI document)");
            }
            types.add(type);
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.council = council;
        subscription.url = request.url().strip();
        subscription.description = request.description() == null ? null : request.description().strip();
        subscription.eventTypes = types.toArray(String[]::new);
        subscription.secret = WebhookSignature.newSecret();
        subscription.status = WebhookSubscription.Status.ACTIVE;
        subscription.createdAt = clock.instant();
        subscription.createdBy = caller.name();
        subscription.persist();
        return new WithSecret(subscription, subscription.secret);
    }

    public List<WebhookSubscription> list(PageRequest page) {
        return WebhookSubscription.<WebhookSubscription>find("council", Sort.descending("createdAt").and("id"),
                requireCouncilSystem()).range(page.first(), page.last()).list();
    }

    /** 404 when unknown, 403 when another council's. */
    public WebhookSubscription get(UUID id) {
        String council = requireCouncilSystem();
        WebhookSubscription subscription = WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Webhook", id));
        if (!subscription.council.equals(council)) {
            throw ProblemException.forbidden("You may act only for your own council's webhooks.");
        }
        return subscription;
    }

    /** Deletes it with its deliveries: nothing more is sent. */
    @Transactional
    public void delete(UUID id) {
        get(id).delete();
    }

    /** A new secret; the old one goes on signing (as a second signature) for a while, so receivers can switch. */
    @Transactional
    public WithSecret rotateSecret(UUID id) {
        WebhookSubscription subscription = get(id);
        Instant now = clock.instant();
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = now.plus(config.previousSecretValidity());
        subscription.secret = WebhookSignature.newSecret();
        return new WithSecret(subscription, subscription.secret);
    }

    /** Sends again after it was parked: what was pending goes out at once. */
    @Transactional
    public WebhookSubscription enable(UUID id) {
        WebhookSubscription subscription = get(id);
        if (subscription.status == WebhookSubscription.Status.PARKED) {
            subscription.status = WebhookSubscription.Status.ACTIVE;
            subscription.parkedReason = null;
            subscription.parkedAt = null;
            subscription.failingSince = null;
            wakeSenderAfterCommit();
        }
        return subscription;
    }

    /** Newest first, with their attempts, oldest attempt first. */
    public List<DeliveryWithAttempts> deliveries(UUID id, Optional<WebhookDelivery.Status> status,
            PageRequest page) {
        WebhookSubscription subscription = get(id);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        List<WebhookDelivery> deliveries = status
                .map(s -> WebhookDelivery.<WebhookDelivery>find("subscriptionId = :id and status = :status",
                        newestFirst, Parameters.with("id", subscription.id).and("status", s)))
                .orElseGet(() -> WebhookDelivery.find("subscriptionId", newestFirst, subscription.id))
                .range(page.first(), page.last()).list();
        Map<UUID, List<WebhookAttempt>> attempts = deliveries.isEmpty() ? Map.of()
                : WebhookAttempt.<WebhookAttempt>find("deliveryId in ?1", Sort.ascending("attemptedAt", "id"),
                        deliveries.stream().map(d -> d.id).toList())
                        .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        List<DeliveryWithAttempts> result = new ArrayList<>(deliveries.size());
        for (WebhookDelivery delivery : deliveries) {
            result.add(new DeliveryWithAttempts(delivery, attempts.getOrDefault(delivery.id, List.of())));
        }
        return result;
    }

    /**
     * Redelivers now, with the same webhook-id. A delivery that had failed or was delivered gets one more attempt; a
     * pending one keeps its remaining retries.
     */
    @Transactional
    public DeliveryWithAttempts retry(UUID id, UUID deliveryId) {
        WebhookSubscription subscription = get(id);
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .filter(d -> d.subscriptionId.equals(subscription.id))
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        if (subscription.status != WebhookSubscription.Status.ACTIVE) {
            throw ProblemException.conflict("This webhook is parked (" + subscription.parkedReason
                    + "); enable it first.");
        }
        if (delivery.status != WebhookDelivery.Status.PENDING) {
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.retryStep = config.retrySchedule().size();
        }
        delivery.nextAttemptAt = clock.instant();
        wakeSenderAfterCommit();
        return new DeliveryWithAttempts(delivery,
                WebhookAttempt.<WebhookAttempt>find("deliveryId", Sort.ascending("attemptedAt", "id"), deliveryId)
                        .list());
    }

    private void wakeSenderAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sender.wake();
                }
            }
        });
    }
}
