package uk.gov.dps.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;

import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventJson;

/** A CloudEvent read from Kafka in binary mode: attributes from the {@code ce_*} headers, JSON payload. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String payload,
        String topic, int partition, long offset) {

    /** @throws PoisonEventException when the record is not a DPS CloudEvent */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = required(record, CloudEvents.HEADER_ID);
        String type = required(record, CloudEvents.HEADER_TYPE);
        String time = header(record, CloudEvents.HEADER_TIME);
        Instant instant;
        try {
            instant = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("header " + CloudEvents.HEADER_TIME + " is not an RFC 3339 time: " + time);
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no payload");
        }
        return new IncomingEvent(id, type, header(record, CloudEvents.HEADER_SOURCE),
                header(record, CloudEvents.HEADER_SUBJECT), instant, record.value(), record.topic(),
                record.partition(), record.offset());
    }

    /**
     * The payload as its contract record; a payload that does not fit is a poison event. Consumers get it converted
     * through {@link EventHandlers}.
     */
    <T> T payloadAs(Class<T> contract) {
        try {
            return EventJson.mapper().readValue(payload, contract);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + type + " " + id + " does not match "
                    + contract.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header: not a CloudEvent");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
