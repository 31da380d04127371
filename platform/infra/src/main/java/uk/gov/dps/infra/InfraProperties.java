package uk.gov.dps.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions and paths written once in platform/infra/pom.xml and filtered by Maven into dps-infra.properties. */
final class InfraProperties {

    private InfraProperties() {
    }

    static String get(String key) {
        try (InputStream in = InfraProperties.class.getClassLoader().getResourceAsStream("dps-infra.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(key);
            if (value == null || value.startsWith("${")) {
                throw new IllegalStateException("dps-infra.properties has no " + key + " (build with Maven)");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
