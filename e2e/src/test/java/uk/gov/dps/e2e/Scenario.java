package uk.gov.dps.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import uk.gov.dps.cli.DpsStack;

/** What the scenarios share: REST calls to one service as one user, waiting for eventual effects, reading topics. */
final class Scenario {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Scenario() {
    }

    /** A JSON request to {@code service} with {@code token}. */
    static RequestSpecification as(String service, String token) {
        return given().baseUri(DpsStack.service(service).baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String provider(String providerId) {
        return RunningStack.TOKENS.userToken("provider", "cambridgeshire", providerId);
    }

    /** Waits until {@code done} holds: events take a few milliseconds to reach other services, not zero. */
    static void eventually(String what, BooleanSupplier done) {
        await(what).atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(done::getAsBoolean);
    }

    /** The stack keeps its data between runs, and some identifiers are unique: a fresh suffix per run. */
    static String unique() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
    }

    /** Assigned (no consumer group) and positioned at the end, so only records after this call are read. */
    static KafkaConsumer<String, String> consumerAtEndOf(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.CONFIG.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Records each consumer has polled but no await has taken yet: a poll may return several at once. */
    private static final Map<KafkaConsumer<String, String>, List<ConsumerRecord<String, String>>> UNCLAIMED =
            new IdentityHashMap<>();

    static synchronized ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer,
            Predicate<ConsumerRecord<String, String>> match) {
        List<ConsumerRecord<String, String>> buffer = UNCLAIMED.computeIfAbsent(consumer, c -> new ArrayList<>());
        // in this thread: a KafkaConsumer must not be used from two threads at once
        return await("a matching record").atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1)).until(() -> {
                    for (ConsumerRecord<String, String> record : buffer) {
                        if (match.test(record)) {
                            buffer.remove(record);
                            return record;
                        }
                    }
                    consumer.poll(Duration.ofMillis(50)).forEach(buffer::add);
                    return null;
                }, java.util.Objects::nonNull);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
