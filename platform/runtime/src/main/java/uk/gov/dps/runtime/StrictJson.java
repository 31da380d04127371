package uk.gov.dps.runtime;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

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
 * no fields the operation does not know (a misspelt {@code respondby} must not silently become the default), no
 * repeated keys, nothing after the JSON, no numbers for enum names or dates, no NUL characters (PostgreSQL cannot
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
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        SimpleModule module = new SimpleModule("dps-strict-json");
        module.addDeserializer(String.class, new TextWithoutNul());
        module.addDeserializer(LocalDate.class, new InRange<>(LocalDate.class, LocalDate::parse, date -> date,
                "a date such as 2019-03-04"));
        module.addDeserializer(Instant.class, new InRange<>(Instant.class, Instant::parse,
                instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate(), "an instant such as 2019-03-04T17:00:00Z"));
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

    /** A date or instant, in quotes, within {@link #EARLIEST} and {@link #LATEST}. */
    static final class InRange<T> extends StdDeserializer<T> {

        private final Function<String, T> parse;
        private final Function<T, LocalDate> day;
        private final String example;

        InRange(Class<T> type, Function<String, T> parse, Function<T, LocalDate> day, String example) {
            super(type);
            this.parse = parse;
            this.day = day;
            this.example = example;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                context.reportInputMismatch(handledType(), "must be written as %s in quotes", example);
            }
            String text = parser.getText().strip();
            try {
                T value = parse.apply(text);
                LocalDate on = day.apply(value);
                if (!on.isBefore(EARLIEST) && !on.isAfter(LATEST)) {
                    return value;
                }
            } catch (DateTimeException e) {
                // answered below
            }
            return (T) context.handleWeirdStringValue(handledType(), text, "must be " + example + ", " + RANGE);
        }
    }
}
