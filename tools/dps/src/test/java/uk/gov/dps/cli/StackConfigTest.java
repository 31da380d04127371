package uk.gov.dps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsRunEverythingLocally() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(), ROOT);

        assertTrue(config.runsPostgres() && config.runsKafka() && config.runsKeycloak());
        assertEquals(Path.of("/repo/.dps"), config.home());
        assertEquals("jdbc:postgresql://127.0.0.1:15432/lot_service", config.jdbcUrl("lot_service"));
        assertEquals("dps", config.databaseUser());
        assertEquals("127.0.0.1:19092", config.kafkaBootstrapServers());
        assertEquals("http://localhost:8180/realms/dps", config.oidcUrl());
        assertEquals("http://localhost:8180", config.keycloakUrl());
        assertEquals(3025, config.smtpPort());
        assertEquals("http://127.0.0.1:8025/", config.smtpApiUrl().toString());
    }

    @Test
    void portsCanBeMoved() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("DPS_POSTGRES_PORT", "25432", "DPS_KAFKA_PORT", "29092",
                "DPS_KEYCLOAK_PORT", "28180", "DPS_SMTP_PORT", "23025", "DPS_SMTP_API_PORT", "28025"), ROOT);

        assertEquals("jdbc:postgresql://127.0.0.1:25432/x", config.jdbcUrl("x"));
        assertEquals("127.0.0.1:29092", config.kafkaBootstrapServers());
        assertEquals("http://localhost:28180/realms/dps", config.oidcUrl());
        assertEquals(23025, config.smtpPort());
        assertEquals("http://127.0.0.1:28025/", config.smtpApiUrl().toString());
    }

    @Test
    void twoPartsOnOnePortAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromEnvironment(Map.of("DPS_SMTP_API_PORT", "8086"), ROOT));
        assertTrue(e.getMessage().contains("DPS_SMTP_API_PORT") && e.getMessage().contains("notification-service"),
                e.getMessage());
    }

    @Test
    void externalPartsAreUsedAsGiven() {
        StackConfig config = StackConfig.fromEnvironment(Map.of("DPS_DB_URL", "jdbc:postgresql://db:5432/",
                "DPS_DB_USER", "app", "DPS_DB_PASSWORD", "secret", "DPS_KAFKA_BOOTSTRAP", "kafka:9092",
                "DPS_OIDC_URL", "https://sso.example.org/realms/dps/"), ROOT);

        assertFalse(config.runsPostgres() || config.runsKafka() || config.runsKeycloak());
        assertEquals("jdbc:postgresql://db:5432/spend_service", config.jdbcUrl("spend_service"));
        assertEquals("app", config.databaseUser());
        assertEquals("secret", config.databasePassword());
        assertEquals("kafka:9092", config.kafkaBootstrapServers());
        assertEquals("https://sso.example.org/realms/dps", config.oidcUrl());
        assertEquals("https://sso.example.org", config.keycloakUrl());
    }

    @Test
    void anExternalDatabaseNeedsAUser() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromEnvironment(Map.of("DPS_DB_URL", "jdbc:postgresql://db:5432"), ROOT));
        assertTrue(e.getMessage().contains("DPS_DB_USER"), e.getMessage());
    }

    @Test
    void aPortMustBeAPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackConfig.fromEnvironment(Map.of("DPS_KAFKA_PORT", "kafka"), ROOT));
        assertTrue(e.getMessage().contains("DPS_KAFKA_PORT"), e.getMessage());
    }
}
