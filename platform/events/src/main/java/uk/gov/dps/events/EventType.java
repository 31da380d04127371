package uk.gov.dps.events;

import java.util.regex.Pattern;

/**
 * One kind of event: its CloudEvents {@code type} ({@code dps.<aggregate>.<event>.v<N>}), the topic it is
 * published on, and the payload record that is its contract. A breaking change is a new type with a new
 * version; additive changes (new optional fields) keep the type. {@code P} is the payload record, so a consumer's
 * handler for a type takes that record and nothing else.
 */
public record EventType<P extends Record>(String type, String topic, Class<P> payload, String summary) {

    private static final Pattern TYPE = Pattern.compile("dps\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    public EventType {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must look like dps.<aggregate>.<event>.v<N>: " + type);
        }
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic + " for " + type);
        }
    }

    /** The JSON Schema of the payload, on the classpath of this module. */
    public String schemaResource() {
        return "dps/events/schemas/" + type + ".json";
    }

    /** A golden example payload that the schema accepts. */
    public String exampleResource() {
        return "dps/events/examples/" + type + ".json";
    }
}
