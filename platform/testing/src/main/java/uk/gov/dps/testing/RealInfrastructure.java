package uk.gov.dps.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test application at the JVM's shared real Kafka broker and PostgreSQL database.
 * Use with {@code @QuarkusTestResource(RealInfrastructure.class)} on one test class of a module: Quarkus
 * then applies it to every test class, and {@link SharedInfrastructure} keeps the servers for the JVM.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedInfrastructure.Database db = SharedInfrastructure.database();
        return Map.of(
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // The servers outlive one Quarkus application: they are shared by the JVM's test classes.
    }
}
