package uk.gov.dps.messaging.feed;

import java.util.Collection;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Marks a {@link TopicFeed} live only once its position on every partition is fixed: with
 * {@code auto.offset.reset=latest} the end offset is otherwise looked up lazily, and an event committed in between
 * would be skipped. A service extends it as an {@code @ApplicationScoped @Identifier("<channel>")} bean named by its
 * channel's {@code consumer-rebalance-listener.name}.
 */
public abstract class TopicFeedStart implements KafkaConsumerRebalanceListener {

    protected abstract TopicFeed feed();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        feed().startsAt(partitions.stream().collect(Collectors.toMap(TopicPartition::partition, consumer::position)));
        feed().setLive(!partitions.isEmpty());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        feed().setLive(false);
    }
}
