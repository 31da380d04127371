package uk.gov.dps.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;

import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.Topics;

/**
 * Writes records straight to a topic, headers and all: to redeliver an event or send a malformed one, as a
 * misbehaving producer or a broker redelivery would.
 */
public final class RawEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public RawEvents(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /**
     * Publishes a well-formed CloudEvent of {@code type}, as its producing service would.
     *
     * @return the event id, to send the very same event again
     */
    public String sendEvent(EventType type, Object aggregateId, Record payload) {
        String id = UUID.randomUUID().toString();
        sendEvent(id, type, aggregateId, payload);
        return id;
    }

    /** Publishes a CloudEvent with a chosen id: a second call with the same id is a redelivery. */
    public void sendEvent(String id, EventType type, Object aggregateId, Record payload) {
        send(type.topic(), aggregateId.toString(), headers(id, type, aggregateId), json(payload));
    }

    /** Like {@link #sendEvent(EventType, Object, Record)} without waiting for the broker; see {@link #flush}. */
    public String sendEventWithoutWaiting(EventType type, Object aggregateId, Record payload) {
        String id = UUID.randomUUID().toString();
        sendWithoutWaiting(type.topic(), aggregateId.toString(), headers(id, type, aggregateId), json(payload));
        return id;
    }

    private static Map<String, String> headers(String id, EventType type, Object aggregateId) {
        return Map.of(
                CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION,
                CloudEvents.HEADER_ID, id,
                CloudEvents.HEADER_SOURCE, Topics.producer(type.topic()),
                CloudEvents.HEADER_TYPE, type.type(),
                CloudEvents.HEADER_SUBJECT, aggregateId.toString(),
                CloudEvents.HEADER_TIME, Instant.now().toString(),
                CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
    }

    private static String json(Record payload) {
        try {
            return EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void send(String topic, String key, Map<String, String> headers, String value) {
        try {
            producer.send(record(topic, key, headers, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic, e.getCause());
        }
    }

    /** Like {@link #send} without waiting for the broker, as a busy producer writes a backlog; see {@link #flush}. */
    public void sendWithoutWaiting(String topic, String key, Map<String, String> headers, String value) {
        producer.send(record(topic, key, headers, value));
    }

    /** Waits until everything sent is acknowledged. */
    public void flush() {
        producer.flush();
    }

    private static ProducerRecord<String, String> record(String topic, String key, Map<String, String> headers,
            String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Override
    public void close() {
        producer.close();
    }
}
