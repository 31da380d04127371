package uk.gov.dps.provider.messaging;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.messaging.feed.TopicFeed;
import uk.gov.dps.messaging.feed.TopicFeedStart;
import uk.gov.dps.provider.config.ProviderConfig;

/**
 * The live vacancy feed: this instance reads dps.providers on the {@code vacancy-feed} channel, in a consumer group
 * of its own, and relays each event to the open feeds (platform/messaging {@link TopicFeed}); the resource lets the
 * vacancy events through. Read back from the topic itself, so what officers see is what was committed.
 */
@ApplicationScoped
public class VacancyFeed {

    public static final Set<String> VACANCY_TYPES = Set.of(EventCatalog.VACANCY_DECLARED, EventCatalog.VACANCY_CONFIRMED,
            EventCatalog.VACANCY_WITHDRAWN).stream().map(EventType::type).collect(java.util.stream.Collectors.toSet());

    @Inject
    ProviderConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicFeed feed;

    @PostConstruct
    void start() {
        feed = new TopicFeed(Topics.PROVIDERS, bootstrapServers, config.vacancyFeed().bufferPerClient());
    }

    @Incoming("vacancy-feed")
    void onProviderEvent(ConsumerRecord<String, String> record) {
        feed.relay(record);
    }

    public TopicFeed feed() {
        return feed;
    }

    /** The feed is live once its position on every partition of dps.providers is fixed (see TopicFeedStart). */
    @ApplicationScoped
    @Identifier("vacancy-feed")
    public static class Start extends TopicFeedStart {

        @Inject
        VacancyFeed vacancyFeed;

        @Override
        protected TopicFeed feed() {
            return vacancyFeed.feed();
        }
    }

    /** Not ready until the feed reads dps.providers: an officer connecting earlier could miss vacancies. */
    @Readiness
    @ApplicationScoped
    public static class Health implements HealthCheck {

        @Inject
        VacancyFeed vacancyFeed;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("vacancy-feed").status(vacancyFeed.feed().isLive()).build();
        }
    }
}
