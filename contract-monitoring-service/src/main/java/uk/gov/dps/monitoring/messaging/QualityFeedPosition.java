package uk.gov.dps.monitoring.messaging;

import java.util.Collection;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Marks the feed live only once its position on every partition is fixed: with {@code auto.offset.reset=latest}
 * the end offset is otherwise looked up lazily, and an event committed in between would be skipped.
 */
@ApplicationScoped
@Identifier("quality-feed")
public class QualityFeedPosition implements KafkaConsumerRebalanceListener {

    @Inject
    QualityFeed feed;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        feed.startsAt(partitions.stream().collect(Collectors.toMap(TopicPartition::partition, consumer::position)));
        feed.setLive(!partitions.isEmpty());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        feed.setLive(false);
    }
}
