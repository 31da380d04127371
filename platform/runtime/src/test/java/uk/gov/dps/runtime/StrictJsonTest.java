package uk.gov.dps.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What a request body may say: one meaning, or a 400 (a JsonProcessingException the REST layer maps). */
class StrictJsonTest {

    enum Severity {
        LOW, SERIOUS
    }

    record Request(String summary, Severity severity, LocalDate dueOn, Instant at, List<String> tags) {
    }

    private final ObjectMapper mapper = strict();

    @Test
    void aPlainBodyReadsAsWritten() throws JsonProcessingException {
        Request read = mapper.readValue("""
                {"summary":"Late notification","severity":"LOW","dueOn":"2019-03-04","at":"2019-03-04T17:00:00Z",
                 "tags":["ofsted"]}""", Request.class);
        assertEquals(new Request("Late notification", Severity.LOW, LocalDate.of(2019, 3, 4),
                Instant.parse("2019-03-04T17:00:00Z"), List.of("ofsted")), read);
    }

    @Test
    void bodiesThatCouldMeanTwoThingsOrCannotBeStoredAreRefused() {
        for (String body : new String[] {
                "{\"summary\":\"a\",\"summary\":\"b\"}", // which one?
                "{\"summary\":\"a\"} trailing",
                "{\"severity\":1}", // the second constant, or a mistake?
                "{\"summary\":\"a\\u0000b\"}", // PostgreSQL cannot store NUL
                "{\"tags\":[\"a\\u0000b\"]}",
                "{\"dueOn\":20190304}", // a day count since 1970
                "{\"dueOn\":\"2019-02-30\"}",
                "{\"dueOn\":\"+999999999-12-31\"}",
                "{\"dueOn\":\"1899-12-31\"}",
                "{\"dueOn\":\"2019-03-04T17:00:00Z\"}",
                "{\"at\":1551718800}",
                "{\"at\":\"+999999999-12-31T00:00:00Z\"}"}) {
            assertThrows(JsonProcessingException.class, () -> mapper.readValue(body, Request.class), body);
        }
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName() {
        var refused = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"summary\":\"a\",\"dueon\":\"2019-03-04\"}", Request.class));
        assertEquals("dueon", refused.getPropertyName());
        assertEquals("dueon", refused.getPath().get(refused.getPath().size() - 1).getFieldName());
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }
}
