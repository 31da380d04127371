package uk.gov.dps.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    /** A fixed DNS: names resolve to what the test says, IP literals to themselves. */
    private static WebhookUrlPolicy policy(boolean allowLocalhost) {
        Map<String, String> dns = Map.of("hooks.cambridgeshire.gov.uk", "20.26.1.10",
                "internal.example.org", "10.1.2.3", "metadata.example.org", "169.254.169.254");
        return new WebhookUrlPolicy(allowLocalhost, host -> {
            if (dns.containsKey(host)) {
                return new InetAddress[] {InetAddress.getByName(dns.get(host))};
            }
            if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        });
    }

    @Test
    void anHttpsUrlOnAPublicHostIsAccepted() {
        assertThat(policy(false).problem("https://hooks.cambridgeshire.gov.uk/dps/events?x=1")).isEmpty();
    }

    @Test
    void onlyHttpsIsAccepted() {
        assertThat(policy(false).problem("http://hooks.cambridgeshire.gov.uk/dps")).contains("must be https");
        assertThat(policy(false).problem("ftp://hooks.cambridgeshire.gov.uk/dps")).contains("must be https");
        assertThat(policy(false).problem("hooks.cambridgeshire.gov.uk/dps")).get().asString().contains("absolute");
    }

    @Test
    void aUserNameOrPasswordInTheUrlIsRefused() {
        assertThat(policy(false).problem("https://dps:secret@hooks.cambridgeshire.gov.uk/dps"))
                .contains("must not carry a user name or password");
    }

    @Test
    void hostsResolvingToPrivateLoopbackOrLinkLocalAddressesAreRefused() {
        for (String url : new String[] {"https://internal.example.org/", "https://metadata.example.org/latest",
                "https://10.0.0.1/", "https://192.168.1.20/", "https://172.16.5.4/", "https://127.0.0.1/",
                "https://169.254.169.254/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/",
                "https://[fd00::1]/", "https://[fe80::1]/"}) {
            assertThat(policy(false).problem(url)).as(url).get().asString()
                    .contains("a private, loopback or link-local address");
        }
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(policy(false).problem("https://no-such-host.invalid/")).get().asString()
                .contains("does not resolve");
    }

    @Test
    void localhostOverHttpOnlyWhenAllowed() {
        assertThat(policy(true).problem("http://localhost:8099/hooks")).isEmpty();
        assertThat(policy(true).problem("http://127.0.0.1:8099/hooks")).isEmpty();
        assertThat(policy(false).problem("http://localhost:8099/hooks")).contains("must be https");
        assertThat(policy(false).problem("https://127.0.0.1:8099/hooks")).get().asString().contains("loopback");
        // allowing localhost opens nothing else
        assertThat(policy(true).problem("https://10.0.0.1/")).get().asString().contains("private");
        assertThat(policy(true).problem("http://hooks.cambridgeshire.gov.uk/")).contains("must be https");
    }

    @Test
    void publicAddressesArePublic() throws UnknownHostException {
        assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("20.26.1.10"))).isTrue();
        assertThat(WebhookUrlPolicy.isPublic(InetAddress.getByName("2a00:1450:4009:81f::200e"))).isTrue();
    }
}
