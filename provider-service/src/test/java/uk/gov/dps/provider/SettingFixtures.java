package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.gov.dps.testing.Tokens;

/** Settings and vacancies made through the API, as a provider's own user would. */
final class SettingFixtures {

    static final String CAMBRIDGESHIRE_OFFICER = Tokens.forCouncil("placement-officer", "cambridgeshire");
    static final String PETERBOROUGH_MONITORING = Tokens.forCouncil("monitoring-officer", "peterborough");

    /** URNs unique to this test JVM run (the database outlives the application between test profiles). */
    private static final AtomicInteger NEXT_URN = new AtomicInteger((int) (Math.random() * 400_000) + 100_000);

    private SettingFixtures() {
    }

    static String urn() {
        return "SC" + NEXT_URN.incrementAndGet();
    }

    /** A children's home's registration: Ofsted URN, postcode, 4 places, ages 8-12, both sexes, two needs. */
    static String home(String name, String urn, String postcode) {
        return home(name, urn, postcode, 8, 12, "\"EMOTIONAL_BEHAVIOURAL\", \"AUTISM\"", true);
    }

    static String home(String name, String urn, String postcode, int minAge, int maxAge, String needs,
            boolean emergency) {
        return """
                {"name": "%s", "kind": "CHILDRENS_HOME", "ofstedUrn": "%s", "postcode": "%s", "registeredPlaces": 4,
                 "profile": {"minAge": %d, "maxAge": %d, "sexes": ["FEMALE", "MALE"], "needs": [%s],
                             "emergencyAdmissions": %s, "soloPlacement": false, "statementOfPurposeDate": "2018-04-01"},
                 "ownerGroup": {"name": "Horizon Care Group Ltd", "companiesHouseNumber": "09876543"},
                 "forProfit": true}""".formatted(name, urn, postcode, minAge, maxAge, needs, emergency);
    }

    static Response post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
    }

    static String setting(String provider, String body) {
        return post(Tokens.forProvider(provider), "/providers/" + provider + "/settings", body).then().statusCode(201)
                .extract().path("id");
    }

    static String vacancy(String provider, String setting, String body) {
        return post(Tokens.forProvider(provider), "/providers/" + provider + "/settings/" + setting + "/vacancies",
                body).then().statusCode(201).extract().path("id");
    }
}
