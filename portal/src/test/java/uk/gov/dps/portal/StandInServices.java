package uk.gov.dps.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An HTTP stand-in for placement-service and provider-service, for the portal's module tests only: it answers what
 * each test stubs (a page of referrals, a 403 problem), so the pages and the error mapping can be checked without
 * the stack. The e2e browser tests run the portal against the real services.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.placement-service.url", server.baseUrl(),
                "quarkus.rest-client.provider-service.url", server.baseUrl(),
                "quarkus.rest-client.lot-service.url", server.baseUrl(),
                "quarkus.rest-client.contract-monitoring-service.url", server.baseUrl(),
                "quarkus.rest-client.spend-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /**
     * Stand-ins for issue 15 and 16's endpoints (provider-service's settings and vacancies, spend-service's invoices
     * and payment performance, placement-service's sufficiency report and owner groups), answering as the real ones
     * do: the same JSON, a problem+json 400 naming the field for bad input, a 403 problem for another organisation's
     * or council's record.
     */
    static final class Matching {

        static final String PROVIDER = "5d3c1b2a-0f9e-4d8c-b7a6-951827364abc";
        static final String OTHER_PROVIDER = "9e8d7c6b-5a49-4c3d-8e2f-1a0b9c8d7e6f";
        static final String SETTING = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        static final String VACANCY = "1c2d3e4f-5061-4728-93a4-b5c6d7e8f90a";
        static final String STALE_VACANCY = "2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b";
        static final String PLACEMENT = "3e4f5061-7283-494a-b5c6-d7e8f90a1b2c";
        static final String INVOICE = "4f506172-8394-4a5b-c6d7-e8f90a1b2c3d";
        static final String OTHER_COUNCILS_INVOICE = "50617283-94a5-4b6c-d7e8-f90a1b2c3d4e";
        static final String GROUP = "09876543";

        private Matching() {
        }

        static String setting() {
            return """
                    {"id": "%s", "providerId": "%s", "name": "Oak House", "kind": "CHILDRENS_HOME",
                     "ofstedUrn": "SC484123", "dfeNumber": null, "postcode": "PE29 3TN", "postcodeDistrict": "PE29",
                     "country": "ENGLAND", "registeredPlaces": 4,
                     "profile": {"minAge": 8, "maxAge": 12, "sexes": ["FEMALE", "MALE"],
                       "needs": ["AUTISM", "EMOTIONAL_BEHAVIOURAL"], "emergencyAdmissions": true,
                       "soloPlacement": false, "statementOfPurposeDate": null},
                     "ownerGroup": {"name": "Evergreen Care Group", "companiesHouseNumber": "%s"},
                     "forProfit": true, "active": true,
                     "latestJudgement": {"judgement": "REQUIRES_IMPROVEMENT_TO_BE_GOOD", "regulator": "OFSTED",
                       "inspectedOn": "2026-06-01", "reportReference": null},
                     "inadequate": false, "registeredAt": "2026-11-01T09:00:00Z", "changedAt": "2026-11-01T09:00:00Z"}"""
                    .formatted(SETTING, PROVIDER, GROUP);
        }

        static String vacancy(String id, boolean stale, boolean emergency) {
            return """
                    {"id": "%s", "settingId": "%s", "providerId": "%s", "places": 2, "availableFrom": "2026-12-07",
                     "minAge": %s, "maxAge": %s, "needs": %s, "emergency": %s, "status": "OPEN",
                     "withdrawnReason": null, "declaredAt": "2026-11-20T09:00:00Z", "confirmedAt": %s,
                     "changedAt": "2026-11-20T09:00:00Z", "stale": %s}"""
                    .formatted(id, SETTING, PROVIDER, stale ? "null" : "10", stale ? "null" : "12",
                            stale ? "null" : "[\"AUTISM\"]", emergency, stale ? "null" : "\"2026-12-01T10:00:00Z\"",
                            stale);
        }

        static String vacancyRow(String id, boolean stale, Double miles, String settingName) {
            return """
                    {"vacancy": %s, "settingName": "%s", "settingKind": "CHILDRENS_HOME", "postcodeDistrict": "PE29",
                     "country": "ENGLAND", "providerName": "Oak Care Ltd", "distanceMiles": %s, "stale": %s,
                     "latestJudgement": {"judgement": "GOOD", "regulator": "OFSTED", "inspectedOn": "2026-06-01"}}"""
                    .formatted(vacancy(id, stale, !stale), settingName, miles, stale);
        }

        /** Settings, vacancies and the vacancy search as provider-service answers them. */
        static void settingsAndVacancies() {
            server.stubFor(get(urlPathEqualTo("/providers/" + PROVIDER + "/settings")).willReturn(
                    json(200, page(setting()))));
            server.stubFor(get(urlPathEqualTo("/providers/" + PROVIDER + "/settings/" + SETTING)).willReturn(
                    json(200, setting())));
            server.stubFor(get(urlPathMatching("/providers/" + OTHER_PROVIDER + "/settings.*")).willReturn(
                    problem(403, "Forbidden", "This is another provider's.")));
            server.stubFor(get(urlPathEqualTo("/vacancies")).willReturn(json(200, page(
                    vacancyRow(VACANCY, false, 3.46, "Oak House") + ","
                            + vacancyRow(STALE_VACANCY, true, 21.0, "Elm Lodge")))));
            // an unknown postcode, as provider-service refuses it
            server.stubFor(get(urlPathEqualTo("/vacancies")).withQueryParam("near", equalTo("ZZ99"))
                    .willReturn(problem(400, "Bad Request", "The request has invalid fields.", "near",
                            "must be a UK postcode or postcode district we know, such as PE29 or PE29 3TN")));
            server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/settings")).willReturn(
                    json(201, setting())));
            server.stubFor(put(urlPathEqualTo("/providers/" + PROVIDER + "/settings/" + SETTING)).willReturn(
                    json(200, setting())));
            server.stubFor(post(urlPathEqualTo("/providers/" + PROVIDER + "/settings/" + SETTING + "/vacancies"))
                    .willReturn(json(201, vacancy(VACANCY, false, false))));
            server.stubFor(post(urlPathMatching("/providers/" + PROVIDER + "/vacancies/.*/confirm")).willReturn(
                    json(200, vacancy(VACANCY, false, false))));
            server.stubFor(post(urlPathMatching("/providers/" + PROVIDER + "/vacancies/.*/withdraw")).willReturn(
                    json(200, vacancy(VACANCY, false, false))));
        }

        static String invoice(String id, String status, boolean flagged) {
            return """
                    {"id": "%s", "invoiceNumber": "INV-0042", "placementId": "%s", "providerId": "%s",
                     "council": "cambridgeshire", "periodFrom": "2026-11-01", "periodTo": "2026-11-30",
                     "amount": %s, "expectedAmount": 12857.14, "difference": %s, "flagged": %s, "status": "%s",
                     "reason": null, "receivedOn": "2026-12-01", "submittedAt": "2026-12-01T09:00:00Z",
                     "decidedAt": null, "decidedBy": null, "shares": {"LAC_PLACEMENTS": 12857.14}}"""
                    .formatted(id, PLACEMENT, PROVIDER, flagged ? "13500.00" : "12857.14",
                            flagged ? "642.86" : "0.00", flagged, status);
        }

        /** Invoices, payments and payment performance as spend-service answers them. */
        static void invoicesAndPayments(String status, boolean flagged) {
            server.stubFor(get(urlPathEqualTo("/invoices")).willReturn(json(200, page(invoice(INVOICE, status,
                    flagged)))));
            server.stubFor(get(urlPathEqualTo("/invoices/" + INVOICE)).willReturn(json(200, invoice(INVOICE, status,
                    flagged))));
            server.stubFor(get(urlPathEqualTo("/invoices/" + OTHER_COUNCILS_INVOICE)).willReturn(
                    problem(403, "Forbidden", "This invoice is another council's.")));
            server.stubFor(post(urlPathEqualTo("/invoices")).willReturn(json(201, invoice(INVOICE, "SUBMITTED",
                    true))));
            server.stubFor(post(urlPathMatching("/invoices/.*/(approve|dispute)")).willReturn(json(200,
                    invoice(INVOICE, "APPROVED", flagged))));
            server.stubFor(post(urlPathEqualTo("/payments")).willReturn(json(201, """
                    {"id": "6f708192-a3b4-4c5d-e6f7-0a1b2c3d4e5f", "invoiceId": "%s", "invoiceNumber": "INV-0042",
                     "amount": 12857.14, "paidOn": "2026-12-02", "paymentReference": "PAY-1"}""".formatted(INVOICE))));
            server.stubFor(get(urlPathEqualTo("/payment-performance")).willReturn(json(200, """
                    {"council": "cambridgeshire", "period": "2026-27-H2", "from": "2026-10-01", "to": "2027-03-31",
                     "asOf": "2026-12-02", "invoicesReceived": 8, "averageDaysToPay": 21.5, "paidWithin30Days": 5,
                     "paidIn31To60Days": 1, "paidIn61DaysOrMore": 0, "unpaid": 2, "disputed": 1,
                     "percentWithin30Days": 62.5, "percentIn31To60Days": 12.5, "percentIn61DaysOrMore": 0,
                     "percentUnpaid": 25}""")));
            server.stubFor(get(urlPathEqualTo("/payment-performance")).withQueryParam("period", equalTo("2026-27-H3"))
                    .willReturn(problem(400, "Bad Request", "The request has invalid fields.", "period",
                            "must be a half year such as 2026-27-H1")));
        }

        /** The sufficiency report, its CSV and owner-group exposure as placement-service answers them. */
        static void sufficiency() {
            server.stubFor(get(urlPathEqualTo("/reports/sufficiency")).willReturn(json(200, """
                    {"council": "cambridgeshire", "joint": false, "lotId": null, "period": "2026-27-Q3",
                     "from": "2026-10-01", "to": "2026-12-31", "asOf": "2026-12-02",
                     "referrals": {"raised": 12, "placed": 7, "placedInHouse": 2, "unmet": 1, "cancelled": 1, "open": 1},
                     "timeToPlace": {"placements": 7, "medianDays": 4.5, "meanDays": 5.1},
                     "invitations": {"referralsCalledOff": 9, "invitations": 54, "invitationsPerReferral": 6.0,
                       "answered": 40, "offers": 22, "declines": 18, "responseRatePercent": 74.07,
                       "offerRatePercent": 40.74},
                     "declinesByReason": [{"reason": "OUTSIDE_STATEMENT_OF_PURPOSE", "count": 11},
                       {"reason": "NO_CAPACITY", "count": 7}],
                     "placements": 7, "distance": {"twentyMilesOrLess": 4, "overTwentyMiles": 3, "insideArea": 5,
                       "outsideArea": 2, "unknown": 0},
                     "weeklyPriceByLot": [{"lotId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "lotCode": "LOT1",
                       "lotName": "Residential children's homes", "placements": 5, "averageWeeklyPrice": 5250.00}],
                     "emergencyCapacity": {"places": 3, "settings": 2, "vacancies": 2},
                     "concentration": {"placements": 7,
                       "topProviders": [{"id": "p1", "name": "Oak Care Ltd", "placements": 3, "percent": 42.86}],
                       "topProvidersPercent": 42.86,
                       "topOwnerGroups": [{"id": "09876543", "name": "Evergreen Care Group", "placements": 4,
                         "percent": 57.14}], "topOwnerGroupsPercent": 57.14}}""")));
            server.stubFor(get(urlPathEqualTo("/reports/sufficiency")).withQueryParam("council", equalTo("joint"))
                    .willReturn(problem(403, "Forbidden", "The joint figures of the DPS are for commissioners;"
                            + " placement officers see their own council's.")));
            server.stubFor(get(urlPathEqualTo("/reports/sufficiency.csv")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/csv; charset=UTF-8").withBody("""
                            section,figure,breakdown,value
                            referrals,raised,,12
                            """)));
            server.stubFor(get(urlPathEqualTo("/reports/owner-groups")).willReturn(json(200, page("""
                    {"companiesHouseNumber": "%s", "name": "Evergreen Care Group", "settings": 6, "places": 22,
                     "children": 9, "weeklyCost": 47250.00, "byCouncil": [{"council": "cambridgeshire",
                     "children": 5, "weeklyCost": 26250.00}, {"council": "essex", "children": 4,
                     "weeklyCost": 21000.00}]}""".formatted(GROUP)))));
            server.stubFor(get(urlPathEqualTo("/reports/owner-groups/" + GROUP + "/failure")).willReturn(json(200, """
                    {"companiesHouseNumber": "%s", "name": "Evergreen Care Group", "asOf": "2026-12-02",
                     "children": 9, "weeklyCost": 47250.00,
                     "byCouncil": [{"council": "cambridgeshire", "children": 5, "weeklyCost": 26250.00}],
                     "byLot": [{"lotId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "lotCode": "LOT1",
                       "lotName": "Residential children's homes", "children": 9, "weeklyCost": 47250.00,
                       "matchingVacancies": 2, "matchingPlaces": 3}]}""".formatted(GROUP))));
        }

        static String page(String items) {
            return "{\"items\": [" + items + "], \"page\": 0, \"size\": 50, \"hasNext\": false}";
        }

        static ResponseDefinitionBuilder json(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        }

        static ResponseDefinitionBuilder problem(int status, String title, String detail) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"type": "about:blank", "title": "%s", "status": %d, "detail": "%s"}"""
                    .formatted(title, status, detail));
        }

        static ResponseDefinitionBuilder problem(int status, String title, String detail, String field,
                String message) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody("""
                    {"type": "about:blank", "title": "%s", "status": %d, "detail": "%s",
                     "errors": [{"field": "%s", "message": "%s"}]}""".formatted(title, status, detail, field,
                    message));
        }
    }
}
