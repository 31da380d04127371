package uk.gov.dps.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test application's mailer at the JVM's shared real SMTP server ({@link SharedInfrastructure#smtp()}),
 * so tests read what was really delivered ({@link SentMail}) instead of a mocked mailer's memory.
 */
public class RealSmtp implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var smtp = SharedInfrastructure.smtp();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", Integer.toString(smtp.smtpPort()),
                "dps.test.smtp.api", smtp.api().toString());
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes, like the broker and the database
    }
}
