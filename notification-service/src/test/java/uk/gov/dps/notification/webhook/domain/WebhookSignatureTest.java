package uk.gov.dps.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheStandardWebhooksPublishedTestVector() {
        // the example of the Standard Webhooks reference libraries: a receiver's library accepts what we send
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretIsWhsecAndAtLeast24RandomBytes() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretSpaceSeparated() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();

        String header = WebhookSignature.header(List.of(current, previous), "d1", 1700000000L, "{}");

        assertThat(header.split(" ")).containsExactly(WebhookSignature.sign(current, "d1", 1700000000L, "{}"),
                WebhookSignature.sign(previous, "d1", 1700000000L, "{}"));
    }
}
