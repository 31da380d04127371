package uk.gov.dps.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Checks every service must pass, written once: access control on an endpoint and the operational endpoints. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /**
     * {@code GET path} answers 401 without a token, 403 problem+json with {@code wrongRoleToken}, and 200 with
     * {@code rightRoleToken}.
     */
    public static void assertGetNeedsRole(String path, String rightRoleToken, String wrongRoleToken) {
        given().get(path).then().statusCode(401);
        given().auth().oauth2(wrongRoleToken).get(path).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(rightRoleToken).get(path).then().statusCode(200);
    }

    /** Health (with its database and Kafka checks), OpenAPI and metrics answer without a token. */
    public static void assertOperationalEndpointsOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
