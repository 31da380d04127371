package uk.gov.dps.e2e;

import static io.restassured.RestAssured.given;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.gov.dps.cli.DpsStack;

/** Every service: no token 401, wrong role 403, right role 200; health, OpenAPI and metrics need no token. */
class ServiceSecurityIT {

    private static final String COUNCIL = "cambridgeshire";

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
    }

    /** service, a protected list endpoint, a role that may read it, a role that may not. */
    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(
                Arguments.of("provider-service", "/providers", "commissioner", "finance-officer"),
                Arguments.of("lot-service", "/dps", "commissioner", "finance-officer"),
                Arguments.of("placement-service", "/referrals", "placement-officer", "monitoring-officer"),
                Arguments.of("contract-monitoring-service", "/inspections", "monitoring-officer", "finance-officer"),
                Arguments.of("spend-service", "/budgets", "finance-officer", "placement-officer"));
    }

    /** The endpoints above, and those any signed-in user may read, so no role is refused. */
    static Stream<Arguments> signedInEndpoints() {
        return Stream.concat(protectedEndpoints().map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2])),
                Stream.of(Arguments.of("notification-service", "/notifications", "commissioner")));
    }

    static Stream<Arguments> openEndpoints() {
        // the services' own; the portal (no database) is for people and signs them in first
        return DpsStack.SERVICES.stream().filter(DpsStack.Service::hasDatabase).flatMap(s -> Stream.of("/q/health/ready", "/q/openapi", "/q/metrics")
                .map(path -> Arguments.of(s.name(), path)));
    }

    @ParameterizedTest(name = "{0} {1}: 401 without a token")
    @MethodSource("signedInEndpoints")
    void noTokenIsUnauthorized(String service, String path, String allowed) {
        given().baseUri(baseUrl(service)).when().get(path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1}: 401 with a token that is not one")
    @MethodSource("signedInEndpoints")
    void aForgedTokenIsUnauthorized(String service, String path, String allowed) {
        String token = RunningStack.token(allowed, COUNCIL);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().baseUri(baseUrl(service)).auth().oauth2(tampered).when().get(path).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1}: 403 for {3}")
    @MethodSource("protectedEndpoints")
    void wrongRoleIsForbidden(String service, String path, String allowed, String forbidden) {
        given().baseUri(baseUrl(service)).auth().oauth2(RunningStack.token(forbidden, COUNCIL))
                .when().get(path).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} {1}: 200 for {2}")
    @MethodSource("protectedEndpoints")
    void rightRoleIsServed(String service, String path, String allowed, String forbidden) {
        given().baseUri(baseUrl(service)).auth().oauth2(RunningStack.token(allowed, COUNCIL))
                .when().get(path).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} {1}: 200 without a token")
    @MethodSource("openEndpoints")
    void operationalEndpointsNeedNoToken(String service, String path) {
        given().baseUri(baseUrl(service)).when().get(path).then().statusCode(200);
    }

    private static String baseUrl(String service) {
        return DpsStack.service(service).baseUrl();
    }
}
