package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.provider.SettingFixtures.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.provider.SettingFixtures.home;
import static uk.gov.dps.provider.SettingFixtures.post;
import static uk.gov.dps.provider.SettingFixtures.urn;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.Tokens;

/**
 * A vacancy not confirmed for 7 days is stale, by the platform clock. The test moves the shared clock on and, when it
 * is done, back by as much, so the other test classes of this application keep their dates (20 December 2018).
 */
@QuarkusTest
class VacancyStalenessTest {

    @Inject
    AdjustableClock clock;

    private Duration moved = Duration.ZERO;

    @AfterEach
    void clockBackToTheOtherTestsDate() {
        clock.moveOn(moved.negated());
        moved = Duration.ZERO;
    }

    private void moveOn(Duration duration) {
        clock.moveOn(duration);
        moved = moved.plus(duration);
    }

    @Test
    void aVacancyNotConfirmedForSevenDaysIsStaleAndHiddenUnlessAskedForUntilConfirmed() {
        String provider = OnboardingFixtures.provider("Stale Homes");
        String token = Tokens.forProvider(provider);
        String setting = SettingFixtures.setting(provider, home("Stale House", urn(), "NR1 1AA"));
        String quiet = SettingFixtures.vacancy(provider, setting, "{\"places\": 1, \"availableFrom\": \"2019-02-04\"}");
        String kept = SettingFixtures.vacancy(provider, setting, "{\"places\": 1, \"availableFrom\": \"2019-02-05\"}");
        String near = "near=NR1&withinMiles=1&includeStale=true";
        assertThat(search(near).getList("items.stale", Boolean.class)).containsOnly(false);

        moveOn(Duration.ofDays(6).plusHours(23));
        post(token, "/providers/" + provider + "/vacancies/" + kept + "/confirm", "").then().statusCode(200)
                .body("stale", org.hamcrest.Matchers.equalTo(false));
        assertThat(search("near=NR1&withinMiles=1").getList("items.vacancy.id")).contains(quiet, kept);

        moveOn(Duration.ofHours(2)); // 7 days and an hour after both were declared
        assertThat(search("near=NR1&withinMiles=1").getList("items.vacancy.id")).contains(kept).doesNotContain(quiet);
        JsonPath withStale = search(near);
        int index = withStale.getList("items.vacancy.id").indexOf(quiet);
        assertThat(withStale.getBoolean("items[" + index + "].stale")).isTrue();
        assertThat(withStale.getBoolean("items[" + index + "].vacancy.stale")).isTrue();
        given().auth().oauth2(token).get("/vacancies?includeStale=true").then()
                .body("items.find { it.vacancy.id == '" + quiet + "' }.stale", org.hamcrest.Matchers.equalTo(true));

        // confirming it makes it fresh again
        post(token, "/providers/" + provider + "/vacancies/" + quiet + "/confirm", "").then().statusCode(200)
                .body("stale", org.hamcrest.Matchers.equalTo(false));
        assertThat(search("near=NR1&withinMiles=1").getList("items.vacancy.id")).contains(quiet, kept);
    }

    private static JsonPath search(String query) {
        return given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/vacancies?" + query).then().statusCode(200)
                .extract().jsonPath();
    }
}
