package uk.gov.dps.devstack;

import java.time.Duration;
import java.time.Instant;

/**
 * The Kafka broker of {@code dps up}, in its own JVM: KRaft single node on 127.0.0.1:19092 (controller 19093;
 * DPS_KAFKA_PORT, DPS_KAFKA_CONTROLLER_PORT), data in {@code .dps/data/kafka}, platform topics created at start.
 * Stops cleanly on SIGTERM.
 */
public final class KafkaMain {

    public static final String COMPONENT = "kafka";

    private KafkaMain() {
    }

    public static void main(String[] args) {
        StandaloneMain.configureLogging();
        StackConfig config = StackConfig.fromEnvironment();
        Instant start = Instant.now();
        KafkaBroker broker = KafkaBroker.start(config.data().resolve("kafka"), config.kafkaPort(),
                config.kafkaControllerPort(), DpsStack.TOPIC_PARTITIONS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StandaloneMain.unmarkReady(config, COMPONENT);
            System.out.println("Kafka: stopping");
            broker.close();
            System.out.println("Kafka: stopped");
        }, "kafka-shutdown"));
        KafkaTopics.ensurePlatformTopics(broker.bootstrapServers());
        StandaloneMain.markReady(config, COMPONENT);
        System.out.printf("Kafka: ready on %s in %d ms, topics %s%n", broker.bootstrapServers(),
                Duration.between(start, Instant.now()).toMillis(), DpsStack.allTopics());
        StandaloneMain.awaitTermination();
    }
}
