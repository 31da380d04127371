package uk.gov.dps.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.cli.KeycloakTokens;
import uk.gov.dps.cli.StackConfig;
import uk.gov.dps.demo.DemoStack;
import uk.gov.dps.testing.SentMail;

/**
 * The stack `./dps up` started, as the scenarios see it from outside: the same configuration (environment
 * variables, .dps/) and the same token code as `./dps token`.
 */
final class RunningStack {

    static final StackConfig CONFIG = StackConfig.fromEnvironment();
    static final KeycloakTokens TOKENS = KeycloakTokens.forStack(CONFIG);
    /** The same tokens and service addresses, as the demo loader takes them. */
    static final DemoStack DEMO = DpsStack.forDemo(TOKENS);

    private RunningStack() {
    }

    /** What the stack's SMTP server received, e.g. {@code sentMail().to("someone@example.org")}. */
    static SentMail sentMail() {
        return new SentMail(CONFIG.smtpApiUrl());
    }

    static String token(String role, String council) {
        return TOKENS.userToken(role, council, null);
    }

    /** Fails at once with a clear message when the stack is not up, instead of a stack of connection errors. */
    static void requireUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> down = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        urls.add(CONFIG.oidcUrl() + "/.well-known/openid-configuration");
        urls.add(CONFIG.smtpApiUrl().resolve("/api/service/readiness").toString());
        DpsStack.SERVICES.forEach(s -> urls.add(s.readinessUrl()));
        for (String url : urls) {
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    down.add(url + " (HTTP " + status + ")");
                }
            } catch (Exception e) {
                down.add(url + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (!down.isEmpty()) {
            throw new IllegalStateException("the stack is not up, start it with ./dps up; not ready: " + down);
        }
    }
}
