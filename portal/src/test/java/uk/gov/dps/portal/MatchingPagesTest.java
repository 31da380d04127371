package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.portal.FormPost.html;
import static uk.gov.dps.portal.StandInServices.Matching.OTHER_PROVIDER;
import static uk.gov.dps.portal.StandInServices.Matching.PROVIDER;
import static uk.gov.dps.portal.StandInServices.Matching.SETTING;
import static uk.gov.dps.portal.StandInServices.Matching.STALE_VACANCY;
import static uk.gov.dps.portal.StandInServices.Matching.VACANCY;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import uk.gov.dps.portal.StandInServices.Matching;

/**
 * Vacancies and settings against stand-in services: the officers' search (what it sends, nearest first with the
 * distance, stale ones marked, mistakes shown on the form before and after the service), the live view without the
 * script and its relay, and the providers' settings, registration, vacancy declaration, confirmation and withdrawal.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(StandInServices.class)
class MatchingPagesTest {

    @BeforeEach
    void reset() {
        StandInServices.server.resetAll();
        Matching.settingsAndVacancies();
    }

    // --- placement officers ---------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anOfficerFindsVacanciesNearestFirstWithTheDistanceAndStaleOnesMarked() {
        // as a browser sends a GET form: a space is a +
        Document page = html(given().urlEncodingEnabled(false).get("/vacancies?near=pe29+3tn&withinMiles=25&need=AUTISM&age=11&sex=FEMALE"
                + "&emergency=true&includeStale=true&lotId=a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"), 200);
        assertThat(page.title()).startsWith("Find a vacancy");
        assertThat(page.select("#vacancies caption").text()).isEqualTo("Open vacancies, nearest to pe29 3tn first");
        var rows = page.select("#vacancies tbody tr");
        assertThat(rows.get(0).select("th").text()).startsWith("Oak House").contains("Oak Care Ltd, PE29");
        assertThat(rows.get(0).select("td").eachText()).containsExactly("3.5 miles", "2",
                "Ages: 10 to 12 Needs: Autism From 7 December 2026",
                "Open Emergency Confirmed 1 December 2026 at 10:00am");
        assertThat(rows.get(1).select("td").get(0).text()).isEqualTo("21 miles");
        assertThat(rows.get(1).select(".govuk-tag").eachText()).containsExactly("Stale");
        // the search as provider-service takes it; the postcode upper-cased, the sex in the referral's words
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies"))
                .withQueryParam("near", equalTo("PE29 3TN")).withQueryParam("withinMiles", equalTo("25"))
                .withQueryParam("need", equalTo("AUTISM")).withQueryParam("age", equalTo("11"))
                .withQueryParam("sex", equalTo("FEMALE")).withQueryParam("emergency", equalTo("true"))
                .withQueryParam("includeStale", equalTo("true"))
                .withQueryParam("lotId", equalTo("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d")));
        // what was asked is still in the form
        assertThat(page.select("#near").val()).isEqualTo("pe29 3tn");
        assertThat(page.select("#need option[selected]").text()).isEqualTo("Autism");
        assertThat(page.select("#emergency").hasAttr("checked")).isTrue();
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void aSearchTheOfficerGotWrongIsNotSentAndOneTheServiceRefusesShowsOnItsField() {
        Document wrong = html(given().get("/vacancies?age=30&withinMiles=ten&lotId=lot-1"), 400);
        assertThat(wrong.title()).startsWith("Error: ");
        assertThat(wrong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#lotId", "#age",
                "#withinMiles");
        assertThat(wrong.select("#age-error").text()).isEqualTo("Error: Age must be from 0 to 25");
        assertThat(wrong.select("#withinMiles").val()).isEqualTo("ten");
        Document noPlace = html(given().get("/vacancies?withinMiles=10"), 400);
        assertThat(noPlace.select("#near-error").text())
                .isEqualTo("Error: Enter a postcode or district to measure the distance from");
        StandInServices.server.verify(0, getRequestedFor(urlPathEqualTo("/vacancies")));

        Document unknown = html(given().get("/vacancies?near=zz99"), 400);
        assertThat(unknown.select(".govuk-error-summary a").attr("href")).isEqualTo("#near");
        assertThat(unknown.select("#near-error").text()).contains(
                "must be a UK postcode or postcode district we know");
        assertThat(unknown.select("#near").val()).isEqualTo("zz99");
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void withoutTheScriptTheLiveViewIsTheOpenVacanciesToReloadWithAnAriaLiveListForTheScript() {
        Document page = html(given().get("/vacancies/live"), 200);
        assertThat(page.select("h1").text()).isEqualTo("Live vacancies");
        assertThat(page.select("#feed-items").attr("aria-live")).isEqualTo("polite");
        assertThat(page.select("#feed-status").attr("data-feed-url")).isEqualTo("/vacancies/live/events");
        assertThat(page.select("a[href=/vacancies/live]").text()).isEqualTo("Reload the open vacancies");
        var first = page.select("#vacancies tbody tr").first();
        assertThat(first.attr("data-vacancy-id")).isEqualTo(VACANCY);
        assertThat(first.attr("data-setting-id")).isEqualTo(SETTING);
        assertThat(first.attr("data-setting-name")).isEqualTo("Oak House, Oak Care Ltd");
        assertThat(page.select("#vacancies tbody tr").get(1).attr("data-vacancy-id")).isEqualTo(STALE_VACANCY);
        // stale ones too, so a confirmation arriving live has its row
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies"))
                .withQueryParam("includeStale", equalTo("true")).withQueryParam("near", absent()));

        // one lot's vacancies, as the search's link asks for them
        String lot = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
        Document ofLot = html(given().get("/vacancies/live?lotId=" + lot), 200);
        assertThat(ofLot.select("a[href=/vacancies/live?lotId=" + lot + "]")).hasSize(1);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies")).withQueryParam("lotId",
                equalTo(lot)));
        html(given().get("/vacancies/live?lotId=lot-1"), 400);
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void theVacancyFeedIsRelayedWithTheBrowsersLastEventIdAndNothingElse() {
        String stream = """
                : listening to vacancies on dps.providers

                id: 0:4,1:0,2:7
                event: dps.provider.vacancy-withdrawn.v1
                data: {"id":"e1","type":"dps.provider.vacancy-withdrawn.v1","providerId":"%s","time":"2026-12-02T10:00:00Z","payload":{"vacancyId":"%s","settingId":"%s","places":2,"status":"WITHDRAWN","withdrawnReason":"FILLED"}}

                """.formatted(PROVIDER, VACANCY, SETTING);
        StandInServices.server.stubFor(get(urlPathEqualTo("/vacancies/feed")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(stream)));
        Response relayed = given().header("Last-Event-ID", "0:3,1:0,2:7").get("/vacancies/live/events?provider=x");
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.contentType()).startsWith("text/event-stream");
        assertThat(relayed.asString()).isEqualTo(stream);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies/feed"))
                .withHeader("Last-Event-ID", equalTo("0:3,1:0,2:7")).withQueryParam("provider", absent()));

        StandInServices.server.resetRequests();
        given().get("/vacancies/live/events?after=0:4,1:0,2:7").then().statusCode(200);
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies/feed"))
                .withHeader("Last-Event-ID", equalTo("0:4,1:0,2:7")).withQueryParam("after", absent()));

        // the service's refusal reaches EventSource as its status, so it stops retrying
        StandInServices.server.stubFor(get(urlPathEqualTo("/vacancies/feed")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{}")));
        given().get("/vacancies/live/events").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "pat", roles = "placement-officer")
    void anOfficerIsOfferedVacanciesButNotTheProvidersSettings() {
        Document home = html(given().get("/"), 200);
        assertThat(home.select("main h2 a").eachAttr("href")).contains("/vacancies")
                .doesNotContain("/your-settings", "/your-invoices");
    }

    // --- providers ------------------------------------------------------------------------------------------

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aProviderSeesEachSettingWithItsProfileJudgementAndOpenVacancies() {
        Document page = html(given().get("/your-settings?done=confirmed"), 200);
        assertThat(page.select(".govuk-notification-banner").text()).contains("Vacancy confirmed");
        var card = page.select("#setting-" + SETTING);
        assertThat(card.select(".govuk-summary-card__title").text()).isEqualTo("Oak House");
        assertThat(card.select(".govuk-summary-list__row").eachText()).contains(
                "Latest judgement Requires improvement to be good OFSTED, 1 June 2026", "Ages 8 to 12",
                "Takes Female, Male", "Needs it can meet Autism, Emotional behavioural", "Emergency admissions Yes",
                "Owner group Evergreen Care Group (Companies House 09876543)", "Run for profit Yes");
        assertThat(card.select(".govuk-summary-list .govuk-tag").first().hasClass("govuk-tag--yellow")).isTrue();
        assertThat(card.select(".govuk-summary-card__action a").eachAttr("href")).containsExactly(
                "/your-settings/" + SETTING + "/change", "/your-settings/" + SETTING + "/vacancy");
        // both vacancies of the setting, the stale one marked, each with its confirm and withdraw
        assertThat(card.select("tbody tr")).hasSize(2);
        assertThat(card.select("tbody tr").get(1).select(".govuk-tag").text()).isEqualTo("Stale");
        assertThat(card.select("form").eachAttr("action")).containsExactly("/your-vacancies/" + VACANCY + "/confirm",
                "/your-vacancies/" + STALE_VACANCY + "/confirm");
        assertThat(card.select("tbody a").eachAttr("href")).contains("/your-vacancies/" + VACANCY + "/withdraw");
        // two calls: the settings, and the provider's own vacancies with the stale ones
        StandInServices.server.verify(getRequestedFor(urlPathEqualTo("/vacancies"))
                .withQueryParam("includeStale", equalTo("true")));
        assertThat(StandInServices.server.getAllServeEvents()).hasSize(2);
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void anIncompleteSettingIsNotSentAndKeepsWhatWasTyped() {
        FormPost form = FormPost.from(given().get("/your-settings/new"));
        Document page = html(form.post("/your-settings/new", Map.of("name", List.of("Birch House"), "kind",
                List.of("CHILDRENS_HOME"), "registeredPlaces", List.of("0"), "minAge", List.of("14"), "maxAge",
                List.of("9"), "needs", List.of("AUTISM", "MEDICAL"), "ownerGroupName", List.of("Birch Group"))), 400);
        assertThat(page.title()).startsWith("Error: Register a setting");
        assertThat(page.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#ofstedUrn", "#postcode",
                "#registeredPlaces", "#maxAge", "#sexes", "#emergencyAdmissions", "#soloPlacement",
                "#companiesHouseNumber", "#forProfit");
        assertThat(page.select("#maxAge-error").text())
                .isEqualTo("Error: The oldest age must be the same as or more than the youngest age");
        assertThat(page.select("#name").val()).isEqualTo("Birch House");
        assertThat(page.select("#kind option[selected]").val()).isEqualTo("CHILDRENS_HOME");
        assertThat(page.select("input[name=needs][checked]").eachAttr("value")).containsExactly("AUTISM", "MEDICAL");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching("/providers/.*")));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aSettingIsRegisteredWithItsProfileAndTheServicesRefusalShowsOnItsField() {
        Response blank = given().get("/your-settings/new");
        String key = html(blank, 200).select("input[name=idempotencyKey]").val();
        FormPost form = FormPost.from(blank);
        Map<String, List<String>> fields = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("idempotencyKey", List.of(key)), Map.entry("name", List.of(" Birch House ")),
                Map.entry("kind", List.of("CHILDRENS_HOME")), Map.entry("ofstedUrn", List.of("sc484999")),
                Map.entry("postcode", List.of("pe29 3tn")), Map.entry("registeredPlaces", List.of("3")),
                Map.entry("minAge", List.of("8")), Map.entry("maxAge", List.of("12")),
                Map.entry("sexes", List.of("FEMALE")), Map.entry("needs", List.of("AUTISM")),
                Map.entry("emergencyAdmissions", List.of("true")), Map.entry("soloPlacement", List.of("false")),
                Map.entry("ownerGroupName", List.of("Birch Group")),
                Map.entry("companiesHouseNumber", List.of("01234567")), Map.entry("forProfit", List.of("true"))));
        Response sent = form.post("/your-settings/new", fields);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/your-settings?done=registered");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/settings"))
                .withHeader("Idempotency-Key", equalTo(key)).withRequestBody(equalToJson("""
                        {"name": "Birch House", "kind": "CHILDRENS_HOME", "ofstedUrn": "SC484999", "dfeNumber": null,
                         "postcode": "PE29 3TN", "registeredPlaces": 3,
                         "profile": {"minAge": 8, "maxAge": 12, "sexes": ["FEMALE"], "needs": ["AUTISM"],
                           "emergencyAdmissions": true, "soloPlacement": false, "statementOfPurposeDate": null},
                         "ownerGroup": {"name": "Birch Group", "companiesHouseNumber": "01234567"},
                         "forProfit": true, "active": true}""")));

        // a URN another setting has: provider-service's 409, on the form
        StandInServices.server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/settings")).willReturn(
                Matching.problem(409, "Conflict", "Another setting is registered with Ofsted URN SC484999.")));
        Document refused = html(form.post("/your-settings/new", fields), 409);
        assertThat(refused.select(".govuk-error-summary__list").text())
                .isEqualTo("Another setting is registered with Ofsted URN SC484999.");
        assertThat(refused.select("#ofstedUrn").val()).isEqualTo("sc484999");
        // a field provider-service names goes next to it
        StandInServices.server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/settings")).willReturn(
                Matching.problem(400, "Bad Request", "The request has invalid fields.", "profile.minAge",
                        "must be less than or equal to 25")));
        Document invalid = html(form.post("/your-settings/new", fields), 400);
        assertThat(invalid.select("#minAge-error").text()).isEqualTo("Error: Min age must be less than or equal to 25");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void changingASettingStartsFromWhatItIsAndPutsTheWholeOfIt() {
        Response blank = given().get("/your-settings/" + SETTING + "/change");
        Document page = html(blank, 200);
        assertThat(page.select("h1").text()).isEqualTo("Change Oak House");
        assertThat(page.select("#ofstedUrn").val()).isEqualTo("SC484123");
        assertThat(page.select("input[name=sexes][checked]").eachAttr("value")).containsExactly("FEMALE", "MALE");
        assertThat(page.select("input[name=active][checked]").val()).isEqualTo("true");
        assertThat(page.select("#companiesHouseNumber").val()).isEqualTo("09876543");

        Map<String, List<String>> fields = new java.util.HashMap<>();
        page.select("form input[type=text]").forEach(i -> fields.put(i.attr("name"), List.of(i.val())));
        page.select("form select").forEach(s -> fields.put(s.attr("name"), List.of(s.select("option[selected]").val())));
        page.select("form input[checked]").forEach(i -> fields.computeIfAbsent(i.attr("name"),
                k -> new java.util.ArrayList<>()).add(i.val()));
        fields.put("active", List.of("false"));
        Response sent = FormPost.from(blank).post("/your-settings/" + SETTING + "/change", fields);
        assertThat(sent.statusCode()).as(sent.asString()).isEqualTo(303);
        StandInServices.server.verify(putRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/settings/"
                + SETTING)).withRequestBody(equalToJson("""
                        {"name": "Oak House", "kind": "CHILDRENS_HOME", "ofstedUrn": "SC484123", "postcode": "PE29 3TN",
                         "registeredPlaces": 4, "active": false, "forProfit": true,
                         "profile": {"minAge": 8, "maxAge": 12, "sexes": ["FEMALE", "MALE"],
                           "needs": ["EMOTIONAL_BEHAVIOURAL", "AUTISM"], "emergencyAdmissions": true,
                           "soloPlacement": false}}""", true, true)));
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aVacancyIsDeclaredWithinTheSettingsProfileAndTheServicesRefusalIsShown() {
        Response blank = given().get("/your-settings/" + SETTING + "/vacancy");
        Document page = html(blank, 200);
        // only the needs the setting's profile names, and emergency because it takes emergencies
        assertThat(page.select("input[name=needs]").eachAttr("value")).containsExactly("EMOTIONAL_BEHAVIOURAL",
                "AUTISM");
        assertThat(page.select("#emergency")).hasSize(1);
        FormPost form = FormPost.from(blank);

        Document tooMany = html(form.post("/your-settings/" + SETTING + "/vacancy", Map.of("places", List.of("5"),
                "availableFrom-day", List.of("1"), "availableFrom-month", List.of("1"), "availableFrom-year",
                List.of("2020"))), 400);
        assertThat(tooMany.select(".govuk-error-summary a").eachText()).containsExactly(
                "Places must be from 1 to the setting's 4 registered places",
                "The date the places are free from must be today or in the future");
        assertThat(tooMany.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#places",
                "#availableFrom-day");
        assertThat(tooMany.select("#availableFrom-year").val()).isEqualTo("2020");

        java.time.LocalDate next = java.time.LocalDate.now().plusDays(3);
        Map<String, List<String>> right = Map.of("places", List.of("2"), "availableFrom-day",
                List.of(String.valueOf(next.getDayOfMonth())), "availableFrom-month",
                List.of(String.valueOf(next.getMonthValue())), "availableFrom-year",
                List.of(String.valueOf(next.getYear())), "needs", List.of("AUTISM"), "emergency", List.of("true"));
        Response sent = form.post("/your-settings/" + SETTING + "/vacancy", right);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/your-settings?done=declared");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/settings/"
                + SETTING + "/vacancies")).withHeader("Idempotency-Key", matching(".+")).withRequestBody(
                equalToJson("""
                        {"places": 2, "availableFrom": "%s", "minAge": null, "maxAge": null, "needs": ["AUTISM"],
                         "emergency": true}""".formatted(next))));

        StandInServices.server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/settings/" + SETTING
                + "/vacancies")).willReturn(Matching.problem(422, "Unprocessable Content",
                "Oak House does not take emergency admissions.")));
        Document refused = html(form.post("/your-settings/" + SETTING + "/vacancy", right), 422);
        assertThat(refused.select(".govuk-error-summary__list").text())
                .isEqualTo("Oak House does not take emergency admissions.");
        assertThat(refused.select("#emergency").hasAttr("checked")).isTrue();
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = PROVIDER))
    void aVacancyIsConfirmedAndWithdrawnWithAReason() {
        FormPost list = FormPost.from(given().get("/your-settings"));
        Response confirmed = list.post("/your-vacancies/" + STALE_VACANCY + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.header("Location")).endsWith("/your-settings?done=confirmed");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/vacancies/"
                + STALE_VACANCY + "/confirm")));

        Response blank = given().get("/your-vacancies/" + VACANCY + "/withdraw");
        Document page = html(blank, 200);
        assertThat(page.select(".govuk-summary-list").text()).contains("Places 2", "Free from 7 December 2026");
        assertThat(page.select("input[name=reason]").eachAttr("value")).containsExactly("FILLED",
                "NO_LONGER_AVAILABLE", "OTHER");
        FormPost form = FormPost.from(blank);
        Document noReason = html(form.post("/your-vacancies/" + VACANCY + "/withdraw", Map.of()), 400);
        assertThat(noReason.select("#reason-error").text()).isEqualTo("Error: Select why the vacancy is withdrawn");
        StandInServices.server.verify(0, postRequestedFor(urlPathMatching(".*/withdraw")));

        Response withdrawn = form.post("/your-vacancies/" + VACANCY + "/withdraw", Map.of("reason",
                List.of("FILLED")));
        assertThat(withdrawn.header("Location")).endsWith("/your-settings?done=withdrawn");
        StandInServices.server.verify(postRequestedFor(urlPathEqualTo("/providers/" + PROVIDER + "/vacancies/"
                + VACANCY + "/withdraw")).withRequestBody(equalToJson("{\"reason\": \"FILLED\"}")));

        // withdrawn meanwhile: confirming it is provider-service's 409, shown on the list as it is now
        StandInServices.server.stubFor(post(urlPathMatching(".*/confirm")).willReturn(Matching.problem(409,
                "Conflict", "The vacancy was withdrawn.")));
        Document conflict = html(list.post("/your-vacancies/" + VACANCY + "/confirm", Map.of()), 409);
        assertThat(conflict.select(".govuk-error-summary__list").text()).isEqualTo("The vacancy was withdrawn.");
        assertThat(conflict.select("h1").text()).isEqualTo("Your settings");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "provider_id", value = OTHER_PROVIDER))
    void anotherProvidersSettingsAreAClearPageNotAStackTrace() {
        Document page = html(given().get("/your-settings"), 403);
        assertThat(page.select("h1").text()).isEqualTo("You do not have permission to see this");
        assertThat(page.select("main").text()).contains("This is another provider's.");
    }

    @Test
    @TestSecurity(user = "pp", roles = "provider")
    void aProviderUserWithoutAnOrganisationIsToldSo() {
        Document page = html(given().get("/your-settings"), 403);
        assertThat(page.select("main").text()).contains("Your sign-in does not name a provider organisation.");
        StandInServices.server.verify(0, getRequestedFor(urlPathMatching("/providers/.*")));
    }
}
