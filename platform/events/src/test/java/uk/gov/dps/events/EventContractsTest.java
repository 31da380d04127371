package uk.gov.dps.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Each event type's schema, golden example and payload record describe the same contract. */
class EventContractsTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TestFactory
    Iterable<DynamicTest> everyEventTypeHasASchemaAnExampleAndAMatchingRecord() {
        return EventCatalog.ALL.stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            JsonNode schemaJson = read(type.schemaResource());
            JsonNode example = read(type.exampleResource());
            JsonSchema schema = SCHEMAS.getSchema(schemaJson);

            assertValid(schema, example, "golden example of " + type.type());

            Set<String> recordFields = Arrays.stream(type.payload().getRecordComponents())
                    .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> schemaFields = new TreeSet<>();
            schemaJson.get("properties").fieldNames().forEachRemaining(schemaFields::add);
            assertEquals(schemaFields, recordFields, "schema properties and payload record fields of " + type.type());

            // The record reads the example and writes JSON the schema still accepts: producers and schema agree.
            Object payload = EventJson.mapper().treeToValue(example, type.payload());
            assertValid(schema, EventJson.mapper().valueToTree(payload), "re-serialised example of " + type.type());
        })).toList();
    }

    @Test
    void schemasRejectAPayloadMissingARequiredField() throws IOException {
        EventType type = EventCatalog.PROVIDER_REGISTERED;
        JsonSchema schema = SCHEMAS.getSchema(read(type.schemaResource()));
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) read(type.exampleResource());
        broken.remove("providerId");
        assertTrue(schema.validate(broken).stream().anyMatch(m -> m.getMessage().contains("providerId")));
    }

    @Test
    void typeNamesAndTopicsFollowTheConventions() {
        for (EventType type : EventCatalog.ALL) {
            assertTrue(type.type().startsWith("dps."), type.type());
            assertTrue(Topics.ALL.contains(type.topic()), type.topic());
        }
        assertEquals("dps.placements.dlq", Topics.deadLetter(Topics.PLACEMENTS));
    }

    private static void assertValid(JsonSchema schema, JsonNode json, String what) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertTrue(errors.isEmpty(), what + " is invalid: " + errors);
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing resource " + resource);
            return EventJson.mapper().readTree(in);
        }
    }
}
