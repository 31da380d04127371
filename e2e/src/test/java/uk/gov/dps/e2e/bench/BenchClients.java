package uk.gov.dps.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.cli.StackConfig;

/** How the benchmarks talk to the running stack: REST requests (bearer token, JSON, a timeout) and a Kafka producer. */
final class BenchClients {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private BenchClients() {
    }

    static HttpRequest get(String service, String path, String token) {
        return HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token).timeout(TIMEOUT).GET().build();
    }

    static HttpRequest post(String service, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpRequest put(String service, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Acknowledged by every replica; {@code lingerMs} 0 for latency, more to write a backlog in big batches. */
    static KafkaProducer<String, String> producer(StackConfig stack, int lingerMs, int batchBytes) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMs));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(batchBytes));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
