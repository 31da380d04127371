package uk.gov.dps.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The AsyncAPI document is generated from {@link EventCatalog} and the JSON Schemas; this test fails when
 * the committed document is out of date. Regenerate with
 * {@code mvn -pl platform/events test -Ddps.asyncapi.write=true}.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/resources/dps/events/asyncapi.yaml");
    private static final String HEADER = "# Generated from EventCatalog and the JSON Schemas by AsyncApiDocumentTest: do not edit.\n";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void committedDocumentMatchesTheCatalog() throws IOException {
        String expected = HEADER + render();
        if (Boolean.getBoolean("dps.asyncapi.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, "asyncapi.yaml is out of date: regenerate it (see this test's javadoc)");
    }

    static String render() throws IOException {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "DPS children's placements platform events");
        info.put("version", "1.0.0");
        info.put("description", "Events the five DPS services publish to Kafka. CloudEvents 1.0 in binary mode: "
                + "attributes in ce_* headers, the JSON payload as the record value, the aggregate id as the record key "
                + "and the CloudEvents subject. Consumers must ignore unknown fields and unknown types, and use ce_id "
                + "to drop redeliveries. Events a consumer cannot process are parked on <topic>.dlq.");
        doc.put("defaultContentType", CloudEvents.JSON);

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.set("messageTraits", JSON.objectNode().set("cloudEvent", cloudEventTrait()));

        for (String topic : Topics.ALL) {
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("description", "Published by " + Topics.producer(topic) + "; key = aggregate id.");
            ObjectNode channelMessages = channel.putObject("messages");
            ArrayNode operationMessages = JSON.arrayNode();
            for (EventType type : EventCatalog.ALL) {
                if (!type.topic().equals(topic)) {
                    continue;
                }
                channelMessages.putObject(type.type()).put("$ref", "#/components/messages/" + type.type());
                operationMessages.addObject().put("$ref", "#/channels/" + topic + "/messages/" + type.type());
                messages.set(type.type(), message(type));
            }
            ObjectNode operation = operations.putObject("publish-" + topic);
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
            operation.put("summary", Topics.producer(topic) + " publishes through its transactional outbox.");
            operation.set("messages", operationMessages);

            String dlq = Topics.deadLetter(topic);
            ObjectNode deadLetters = channels.putObject(dlq);
            deadLetters.put("address", dlq);
            deadLetters.put("description", "Events from " + topic + " that a consumer could not process, unchanged, "
                    + "with the headers dead-letter-reason, dead-letter-cause, dead-letter-topic, "
                    + "dead-letter-partition and dead-letter-offset.");
        }

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES));
        return yaml.writeValueAsString(doc);
    }

    private static ObjectNode message(EventType type) throws IOException {
        ObjectNode message = JSON.objectNode();
        message.put("name", type.type());
        message.put("title", type.payload().getSimpleName());
        message.put("summary", type.summary());
        message.put("contentType", CloudEvents.JSON);
        message.putArray("traits").addObject().put("$ref", "#/components/messageTraits/cloudEvent");
        ObjectNode payload = (ObjectNode) EventContractsTest.read(type.schemaResource());
        payload.remove("$schema");
        payload.remove("$id");
        message.set("payload", payload);
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "golden");
        ObjectNode headers = example.putObject("headers");
        headers.put(CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        headers.put(CloudEvents.HEADER_TYPE, type.type());
        headers.put(CloudEvents.HEADER_SOURCE, Topics.producer(type.topic()));
        example.set("payload", EventContractsTest.read(type.exampleResource()));
        return message;
    }

    private static ObjectNode cloudEventTrait() {
        ObjectNode trait = JSON.objectNode();
        ObjectNode headers = trait.putObject("headers");
        headers.put("type", "object");
        headers.putArray("required").add(CloudEvents.HEADER_SPEC_VERSION).add(CloudEvents.HEADER_ID)
                .add(CloudEvents.HEADER_SOURCE).add(CloudEvents.HEADER_TYPE).add(CloudEvents.HEADER_SUBJECT)
                .add(CloudEvents.HEADER_TIME);
        ObjectNode props = headers.putObject("properties");
        header(props, CloudEvents.HEADER_SPEC_VERSION, "CloudEvents version, always 1.0.");
        header(props, CloudEvents.HEADER_ID, "Unique event id (the producer's outbox row id): deduplicate on it.");
        header(props, CloudEvents.HEADER_SOURCE, "The producing service, e.g. provider-service.");
        header(props, CloudEvents.HEADER_TYPE, "dps.<aggregate>.<event>.v<N>.");
        header(props, CloudEvents.HEADER_SUBJECT, "The aggregate id; equal to the record key.");
        header(props, CloudEvents.HEADER_TIME, "When the change was committed (RFC 3339).");
        header(props, CloudEvents.HEADER_CONTENT_TYPE, "application/json.");
        return trait;
    }

    private static void header(ObjectNode props, String name, String description) {
        props.putObject(name).put("type", "string").put("description", description);
    }
}
