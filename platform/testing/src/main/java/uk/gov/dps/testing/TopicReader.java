package uk.gov.dps.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer (no group), the way a monitoring officer's
 * tool or a partner system would, and keeps every record it has seen.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.isEmpty()) {
            // the topic may not exist yet: the first event creates it
            consumer.partitionsFor(topic, Duration.ofSeconds(5))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            if (partitions.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record (in the order read) matching {@code match}; fails after {@code timeout}. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching record within " + timeout + "; saw " + seen.size());
            }
            consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
        }
    }

    /** Every record read so far, in order (per partition). */
    public List<ConsumerRecord<String, String>> seen() {
        consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
