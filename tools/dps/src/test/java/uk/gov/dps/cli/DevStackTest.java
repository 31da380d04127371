package uk.gov.dps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What `dps up` hands the services: where their database, Kafka, Keycloak and the SMTP server are. */
class DevStackTest {

    @Test
    void notificationServiceSendsEmailToTheStacksSmtpServerAndUsesItsOwnDatabase() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("DPS_SMTP_PORT", "4025"), Path.of("/repo"));

        Map<String, String> env = new DevStack(config).serviceEnvironment(DpsStack.service("notification-service"));

        assertEquals("8086", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/notification_service", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("127.0.0.1", env.get("QUARKUS_MAILER_HOST"));
        assertEquals("4025", env.get("QUARKUS_MAILER_PORT"));
        // the services run in the dev profile, where a %dev mock mailer would keep the mail in memory
        assertEquals("false", env.get("QUARKUS_MAILER_MOCK"));
    }

    @Test
    void transparencyServiceRunsOnItsPortWithItsOwnDatabase() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(), Path.of("/repo"));

        Map<String, String> env = new DevStack(config).serviceEnvironment(DpsStack.service("transparency-service"));

        assertEquals("8087", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("jdbc:postgresql://127.0.0.1:15432/transparency", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("dev", env.get("QUARKUS_PROFILE"));
    }

    @Test
    void platformSettingsOfEveryServiceArePassedOnAndNothingElse() {
        Map<String, String> settings = DevStack.platformSettings(Map.of("DPS_NOTIFICATIONS_EMAIL_LINK_BASE",
                "http://localhost:8080", "DPS_WEBHOOKS_TIMEOUT", "5s", "DPS_SPEND_AT_RISK_PERCENT", "80",
                "DPS_TRANSPARENCY_OCID_PREFIX", "ocds-abc123", "DPS_SMTP_PORT", "4025", "HOME", "/root"));

        assertEquals(Map.of("DPS_NOTIFICATIONS_EMAIL_LINK_BASE", "http://localhost:8080", "DPS_WEBHOOKS_TIMEOUT", "5s",
                "DPS_SPEND_AT_RISK_PERCENT", "80", "DPS_TRANSPARENCY_OCID_PREFIX", "ocds-abc123"), settings);
    }
}
