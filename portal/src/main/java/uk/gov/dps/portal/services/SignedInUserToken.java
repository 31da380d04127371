package uk.gov.dps.portal.services;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sends the signed-in person's own access token (from the authorization-code sign-in) to the service, so each
 * service decides with its own rules what this person may see and do: the portal holds no rights of its own.
 * Quarkus' token propagation extension does the same, but its artifacts are not served by the Maven repository
 * this project builds from, and the job is one header.
 */
public class SignedInUserToken implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            // no signed-in person: the service answers 401, which the portal turns into a new sign-in
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
}
