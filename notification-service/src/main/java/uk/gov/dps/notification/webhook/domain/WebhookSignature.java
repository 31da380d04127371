package uk.gov.dps.notification.webhook.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as the Standard Webhooks specification says: the secret is {@code whsec_} + base64 of random bytes; the
 * signature is {@code v1,} + base64 of HMAC-SHA256, keyed with the secret's decoded bytes, over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; several signatures (during a secret rotation) are separated by
 * spaces.
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    /** The specification asks for 24 to 64 bytes. */
    static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One {@code v1,<base64>} signature. */
    public static String sign(String secret, String webhookId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signature = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, space-separated. */
    public static String header(Collection<String> secrets, String webhookId, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    private static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }
}
