package uk.gov.dps.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;

/**
 * Parks an event that cannot be processed on {@code <topic>.dlq}: key, value and headers unchanged, plus
 * {@code dead-letter-*} headers saying who failed on it, where it came from and why. Waits for Kafka's
 * acknowledgement, so the original is acknowledged only once its copy is safe.
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    @Channel("dps-dead-letters")
    @OnOverflow(value = OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public void park(String consumer, ConsumerRecord<String, String> record, Throwable error) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        add(headers, "dead-letter-reason", String.valueOf(error.getMessage()));
        add(headers, "dead-letter-cause", root(error));
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", String.valueOf(record.partition()));
        add(headers, "dead-letter-offset", String.valueOf(record.offset()));
        add(headers, "dead-letter-consumer", service + "/" + consumer);

        CompletableFuture<Void> ack = new CompletableFuture<>();
        kafka.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.deadLetter(record.topic()))
                        .withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            ack.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park " + record.topic() + "@" + record.offset()
                    + " on the dead-letter topic", e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String root(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }
}
