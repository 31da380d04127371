package uk.gov.dps.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker in its own JVM, for {@code dps up}: KRaft single node on 127.0.0.1, the given topics created at
 * start, a ready file written once they exist. Stops cleanly on SIGTERM. Started by the CLI, which passes
 * everything on the command line: {@value #USAGE}.
 */
public final class KafkaMain {

    public static final String COMPONENT = "kafka";
    static final String USAGE = "KafkaMain DATA_DIR PORT CONTROLLER_PORT DEFAULT_PARTITIONS READY_FILE [TOPIC:PARTITIONS...]";

    private KafkaMain() {
    }

    /** The command-line arguments of {@link #main} for these settings. */
    public static List<String> arguments(Path dataDir, int port, int controllerPort, int defaultPartitions,
            Path readyFile, Map<String, Integer> partitionsByTopic) {
        List<String> args = new java.util.ArrayList<>(List.of(dataDir.toString(), Integer.toString(port),
                Integer.toString(controllerPort), Integer.toString(defaultPartitions), readyFile.toString()));
        partitionsByTopic.forEach((topic, partitions) -> args.add(topic + ":" + partitions));
        return args;
    }

    public static void main(String[] args) {
        StandaloneMain.configureLogging();
        StandaloneMain.requireArguments(args, 5, USAGE);
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        int defaultPartitions = Integer.parseInt(args[3]);
        Path readyFile = Path.of(args[4]);
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : List.of(args).subList(5, args.length)) {
            int colon = topic.lastIndexOf(':');
            topics.put(topic.substring(0, colon), Integer.parseInt(topic.substring(colon + 1)));
        }
        Instant start = Instant.now();
        KafkaBroker broker = KafkaBroker.start(dataDir, port, controllerPort, defaultPartitions);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StandaloneMain.unmarkReady(readyFile);
            System.out.println("Kafka: stopping");
            broker.close();
            System.out.println("Kafka: stopped");
        }, "kafka-shutdown"));
        KafkaTopics.ensure(broker.bootstrapServers(), topics);
        StandaloneMain.markReady(readyFile);
        System.out.printf("Kafka: ready on %s in %d ms, topics %s%n", broker.bootstrapServers(),
                Duration.between(start, Instant.now()).toMillis(), topics.keySet());
        StandaloneMain.awaitTermination();
    }
}
