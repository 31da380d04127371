package uk.gov.dps.notification.webhook.service;

import java.net.InetAddress;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.gov.dps.notification.webhook.WebhookConfig;
import uk.gov.dps.notification.webhook.domain.WebhookRetryPolicy;
import uk.gov.dps.notification.webhook.domain.WebhookUrlPolicy;

/** The webhook rules, from configuration. */
public class WebhookPolicies {

    @Produces
    @Singleton
    WebhookRetryPolicy retryPolicy(WebhookConfig config) {
        return new WebhookRetryPolicy(config.retrySchedule(), config.retryJitter(), config.parkAfter());
    }

    @Produces
    @Singleton
    WebhookUrlPolicy urlPolicy(WebhookConfig config) {
        return new WebhookUrlPolicy(config.allowLocalhost(), InetAddress::getAllByName);
    }
}
