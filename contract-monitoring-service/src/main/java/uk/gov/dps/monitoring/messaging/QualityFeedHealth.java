package uk.gov.dps.monitoring.messaging;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Not ready until the live feed reads dps.quality: a monitoring officer connecting earlier could miss events. */
@Readiness
@ApplicationScoped
public class QualityFeedHealth implements HealthCheck {

    @Inject
    QualityFeed feed;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("quality-feed").status(feed.isLive()).build();
    }
}
