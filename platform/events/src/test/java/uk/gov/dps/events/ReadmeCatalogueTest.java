package uk.gov.dps.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README's event catalogue is what people read first: it must list every type the platform publishes. */
class ReadmeCatalogueTest {

    @Test
    void readmeListsEveryEventType() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        for (EventType type : EventCatalog.ALL) {
            assertTrue(readme.contains("`" + type.type() + "` | " + type.topic()),
                    "README.md's event table lacks " + type.type() + " on " + type.topic());
        }
    }
}
