package uk.gov.dps.monitoring.messaging;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.messaging.feed.FeedPosition;
import uk.gov.dps.messaging.feed.TopicFeed;
import uk.gov.dps.monitoring.config.MonitoringConfig;

/**
 * The live feed of quality events, as committed: this instance reads {@code dps.quality} on the
 * {@code quality-feed} channel, in a consumer group of its own, and relays each event to the open feeds
 * (platform/messaging {@link TopicFeed} does the relaying and the catch-up after a reconnection).
 */
@ApplicationScoped
public class QualityFeed {

    @Inject
    MonitoringConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TopicFeed feed;

    @PostConstruct
    void start() {
        feed = new TopicFeed(Topics.QUALITY, bootstrapServers, config.feed().bufferPerClient());
    }

    @Incoming("quality-feed")
    void onQualityEvent(ConsumerRecord<String, String> record) {
        feed.relay(record);
    }

    /** The events after {@code after} (read back from the topic), then every event committed from now on. */
    public Multi<TopicFeed.FeedEvent> events(Optional<FeedPosition> after) {
        return feed.events(after);
    }

    public TopicFeed feed() {
        return feed;
    }

    /** True once this instance reads the topic, so an event committed from now on reaches the feeds. */
    public boolean isLive() {
        return feed.isLive();
    }
}
