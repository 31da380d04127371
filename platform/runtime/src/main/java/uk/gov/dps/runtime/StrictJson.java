package uk.gov.dps.runtime;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly, so that what a partner system sends either means exactly one thing or is a 400:
 * no repeated keys, nothing after the JSON, no numbers for enum names or dates, no NUL characters (PostgreSQL cannot
 * store them), and dates and instants within 1900-2199 (the database and the commitment rules need no more).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final String RANGE = "between " + EARLIEST + " and " + LATEST;

    /** Last, so that these date readers replace the Java time module's (the module registered last wins). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        SimpleModule module = new SimpleModule("dps-strict-json");
        module.addDeserializer(String.class, new TextWithoutNul());
        module.addDeserializer(LocalDate.class, new DateInRange());
        module.addDeserializer(Instant.class, new InstantInRange());
        mapper.registerModule(module);
    }

    static final class TextWithoutNul extends StdDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "must not contain NUL characters");
            }
            return text;
        }
    }

    static final class DateInRange extends StdDeserializer<LocalDate> {

        DateInRange() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = textOf(parser, context, LocalDate.class, "a date such as 2019-03-04");
            try {
                LocalDate date = LocalDate.parse(text);
                if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                    return date;
                }
            } catch (DateTimeException e) {
                // answered below
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                    "must be a date such as 2019-03-04, " + RANGE);
        }
    }

    static final class InstantInRange extends StdDeserializer<Instant> {

        InstantInRange() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = textOf(parser, context, Instant.class, "an instant such as 2019-03-04T17:00:00Z");
            try {
                Instant instant = Instant.parse(text);
                LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();
                if (!day.isBefore(EARLIEST) && !day.isAfter(LATEST)) {
                    return instant;
                }
            } catch (DateTimeException e) {
                // answered below
            }
            return (Instant) context.handleWeirdStringValue(Instant.class, text,
                    "must be an instant such as 2019-03-04T17:00:00Z, " + RANGE);
        }
    }

    private static String textOf(JsonParser parser, DeserializationContext context, Class<?> type, String example)
            throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            context.reportInputMismatch(type, "must be written as %s in quotes", example);
        }
        return parser.getText().strip();
    }
}
