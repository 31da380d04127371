package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the monitoring and finance officers' browser journeys see, made through the services' public APIs: a provider
 * admitted to a lot and so monitored by contract-monitoring-service; inspections and concerns recorded about it
 * while the browser watches the feed; budget lines of a Cambridgeshire finance officer.
 */
public record QualityData(String provider, String providerName) {

    public static final String COUNCIL = "cambridgeshire";
    private static final String MONITORING = "contract-monitoring-service";

    public static void requireStackUp() {
        RunningStack.requireUp();
    }

    /** A provider new to contract monitoring, so its page and its feed show only what the test records. */
    public static QualityData monitoredProvider() {
        String commissioner = RunningStack.token("commissioner", COUNCIL);
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Quality");
        String provider = lot.providers().get(0);
        lot.decide(commissioner, provider, "ADMIT");
        String officer = monitoringToken();
        eventually("contract monitoring knows the provider", () ->
                as(MONITORING, officer).get("/providers/" + provider + "/quality").statusCode() == 200);
        String name = as(MONITORING, officer).get("/providers/" + provider + "/quality").then().statusCode(200)
                .extract().path("name");
        return new QualityData(provider, name);
    }

    /** An inspection of a setting, as any partner council's monitoring officer records it over REST. */
    public void recordInspection(String settingUrn, String judgement) {
        as(MONITORING, monitoringToken()).body("""
                {"providerId": "%s", "settingUrn": "%s", "regulator": "OFSTED", "judgement": "%s",
                 "inspectedOn": "%s"}""".formatted(provider, settingUrn, judgement, LocalDate.now().minusDays(3)))
                .post("/inspections").then().statusCode(201);
    }

    public void raiseConcern(String severity, String summary) {
        as(MONITORING, monitoringToken()).body("""
                {"providerId": "%s", "severity": "%s", "summary": "%s"}""".formatted(provider, severity, summary))
                .post("/concerns").then().statusCode(201);
    }

    /** A budget line of the finance officer's council, scoped to a lot of its own so each run's line is new. */
    public static String budgetLine(int year, String stream, String name, BigDecimal amount) {
        return as("spend-service", RunningStack.token("finance-officer", COUNCIL)).body("""
                {"financialYear": %d, "fundingStream": "%s", "name": "%s", "amount": %s, "lotId": "%s"}"""
                .formatted(year, stream, name, amount.toPlainString(), UUID.randomUUID()))
                .post("/budgets").then().statusCode(201).extract().path("id");
    }

    public static String unique() {
        return Scenario.unique();
    }

    private static String monitoringToken() {
        return RunningStack.token("monitoring-officer", COUNCIL);
    }
}
