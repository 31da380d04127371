package uk.gov.dps.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the demo needs from a running stack: access tokens of demo users and the services' addresses. The {@code dps}
 * command passes its Keycloak administration and service list in through this, so the demo carries neither (and
 * tests pass a fake).
 */
public interface DemoStack {

    /** The role of provider users; their tokens carry a {@code provider_id} claim. */
    String ROLE_PROVIDER = "provider";

    /** An access token of a user with exactly {@code role}, claim {@code council} and optional {@code provider_id}. */
    String userToken(String role, String council, String providerId);

    /** A service's base URL, e.g. {@code http://localhost:8081} for provider-service. */
    String baseUrl(String service);

    /** The claims of a JWT, decoded without checking the signature (the services check it). */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return DemoApi.JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("a JWT whose claims are not JSON", e);
        }
    }
}
