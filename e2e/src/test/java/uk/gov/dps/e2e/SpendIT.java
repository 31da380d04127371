package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import uk.gov.dps.cli.DpsStack;

/**
 * Across placement- and spend-service: a placement awarded through placement-service, split 60% High Needs
 * Block / 40% LAC, raises both of the council's budget lines by the right pounds; a fee change and an end move the
 * forecast; redelivering placement-service's very records (same CloudEvents ids) leaves the positions unchanged; and
 * a contract whose commitment passes its value raises exactly one alert on dps.spend.
 * <p>
 * The placement starts in the next financial year at £700 a week (£100 a day), so every figure is whole pounds
 * whatever day the scenario runs: the expected amounts are days x £100, split £60 / £40.
 */
class SpendIT {

    private static final String COUNCIL = "cambridgeshire";
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static String commissioner;
    private static String officer;
    private static String finance;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", COUNCIL);
        officer = RunningStack.token("placement-officer", COUNCIL);
        finance = RunningStack.token("finance-officer", COUNCIL);
    }

    @Test
    void splitFundingFeeChangeEndRedeliveryAndAContractAlert() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Birch");
        String provider = lot.admitFirstProvider(commissioner, officer);

        // the stack's own date (it may run as of another day than this JVM): spend reports it as asOf
        LocalDate today = LocalDate.parse(as("spend-service", finance).get("/reports/spend").then().statusCode(200)
                .extract().path("asOf"));
        int year = financialYear(today) + 1;
        LocalDate start = LocalDate.of(year, 5, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate yearEnd = LocalDate.of(year + 1, 3, 31);
        long days = ChronoUnit.DAYS.between(start, yearEnd) + 1;

        // £65 and £45 a day of the year: the award's £60 / £40 a day put HNB at risk (92.3%), LAC within (88.9%)
        String hnb = budget(year, "HIGH_NEEDS_BLOCK", lot.lotId(), 65 * days);
        String lac = budget(year, "LAC_PLACEMENTS", lot.lotId(), 45 * days);
        // valued at £105 a day of the year: the award (£100 a day) takes it over 90% only
        String contract = as("spend-service", finance).body("""
                {"name": "IFA block contract (e2e)", "lotId": "%s", "providerIds": ["%s"], "startDate": "%s",
                 "endDate": "%s", "value": %d}""".formatted(lot.lotId(), provider, LocalDate.of(year, 4, 1), yearEnd,
                105 * days)).post("/contracts").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> placementRecords = new ArrayList<>();
        try (KafkaConsumer<String, String> placements = Scenario.consumerAtEndOf("dps.placements");
                KafkaConsumer<String, String> spend = Scenario.consumerAtEndOf("dps.spend")) {
            String placement = awardedPlacement(lot.lotId(), provider, start);
            placementRecords.add(Scenario.awaitRecord(placements, r -> placement.equals(r.key())));

            // days x £700 / 7: HNB 60% = £60 a day, LAC 40% = £40 a day
            awaitCommitted(hnb, 60 * days);
            awaitCommitted(lac, 40 * days);
            as("spend-service", finance).get("/budgets/" + hnb + "/position").then().statusCode(200)
                    .body("status", equalTo("AT_RISK")).body("spentToDate", equalTo(0.0f));
            as("spend-service", finance).get("/budgets/" + lac + "/position").then().body("status", equalTo("WITHIN"));

            // £1,400 a week (£200 a day) from four weeks in: 28 x £100 + (days - 28) x £200
            as("placement-service", officer).body("""
                    {"effectiveFrom": "%s", "weeklyFee": {"core": 1400.00, "additionalStaffing": 0, "education": 0,
                     "therapy": 0}, "reason": "Additional staffing 1:1"}""".formatted(start.plusDays(28)))
                    .post("/placements/" + placement + "/fee-changes").then().statusCode(200);
            placementRecords.add(Scenario.awaitRecord(placements, r -> placement.equals(r.key())));
            long afterUplift = 28 * 100 + (days - 28) * 200;
            awaitCommitted(hnb, afterUplift * 60 / 100);
            awaitCommitted(lac, afterUplift * 40 / 100);
            as("spend-service", finance).get("/budgets/" + lac + "/position").then()
                    .body("status", equalTo("OVERSPENT"));

            // the contract passed its value: one alert for 100% (and the earlier one for 90%), no more
            ConsumerRecord<String, String> over = Scenario.awaitRecord(spend, r -> contract.equals(r.key())
                    && r.value().contains("\"thresholdPercent\":100"));
            assertEquals("dps.spend.threshold-crossed.v1", Scenario.header(over, "ce_type"));

            // ends after eight weeks: 28 x £100 + 28 x £200 = £8,400: HNB £5,040, LAC £3,360
            as("placement-service", officer).body("""
                    {"endDate": "%s", "endType": "PLANNED", "reasonEpisodeCeased": "E4A"}""".formatted(
                    start.plusDays(55))).post("/placements/" + placement + "/end").then().statusCode(200);
            placementRecords.add(Scenario.awaitRecord(placements, r -> placement.equals(r.key())));
            awaitCommitted(hnb, 5_040);
            awaitCommitted(lac, 3_360);
            String hnbBefore = position(hnb).prettify();
            String lacBefore = position(lac).prettify();

            // a broker redelivery: placement-service's three records again, same ce_id, headers and payload
            long duplicates = spendInboxCount("duplicate");
            redeliver(placementRecords);
            eventually("spend-service skipped the three redelivered events",
                    () -> spendInboxCount("duplicate") >= duplicates + 3);
            assertEquals(hnbBefore, position(hnb).prettify());
            assertEquals(lacBefore, position(lac).prettify());
        }
        // the redelivered events were all applied above, so the stored alerts are final: one per crossing, no second
        // 100% alert from the duplicates (each alert is published once, through the outbox)
        as("spend-service", finance).get("/alerts?active=false&size=200").then().statusCode(200)
                .body("items.findAll { it.subjectId == '" + contract + "' }.thresholdPercent",
                        equalTo(List.of(100, 90)));
        // another council's finance officer sees none of it
        as("spend-service", RunningStack.token("finance-officer", "peterborough")).get("/budgets/" + hnb + "/position")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static String awardedPlacement(String lotId, String provider, LocalDate start) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "PE13", "wantedStart": "%s",
                 "placementPattern": "WEEKS_52"}""".formatted(lotId, start)).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        String offer = as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": 700.00, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Carer-5", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(start)).post("/referrals/" + referral + "/offers").then().statusCode(201).extract()
                .path("id");
        return as("placement-service", officer).body("""
                {"offerId": "%s", "plannedStart": "%s", "fundingShares": [
                  {"stream": "HIGH_NEEDS_BLOCK", "percent": 60}, {"stream": "LAC_PLACEMENTS", "percent": 40}],
                 "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}"""
                .formatted(offer, start)).post("/referrals/" + referral + "/award").then().statusCode(201).extract()
                .path("id");
    }

    private static String budget(int year, String stream, String lotId, long pounds) {
        return as("spend-service", finance).body("""
                {"financialYear": %d, "fundingStream": "%s", "name": "%s (e2e)", "amount": %d, "lotId": "%s"}"""
                .formatted(year, stream, stream, pounds, lotId)).post("/budgets").then().statusCode(201).extract()
                .path("id");
    }

    private static JsonPath position(String budget) {
        return as("spend-service", finance).get("/budgets/" + budget + "/position").then().statusCode(200).extract()
                .jsonPath().using(EXACT);
    }

    private static void awaitCommitted(String budget, long pounds) {
        BigDecimal expected = BigDecimal.valueOf(pounds).setScale(2);
        eventually("budget line " + budget + " committed £" + expected,
                () -> expected.equals(position(budget).get("committed")));
    }

    private static void redeliver(List<ConsumerRecord<String, String>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.CONFIG.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (ConsumerRecord<String, String> record : records) {
                // CloudEvents binary mode: the ce_* headers travel unchanged, so ce_id is the original id
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                        record.headers())).get();
            }
        } catch (Exception e) {
            throw new AssertionError("could not redeliver the placement events", e);
        }
    }

    /** spend-service's inbox counter (Prometheus, no token needed) of placement events applied or skipped. */
    private static long spendInboxCount(String outcome) {
        String metrics = RestAssured.given().baseUri(DpsStack.service("spend-service").baseUrl())
                .accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("dps_inbox_events_total\\{[^}]*consumer=\"spend-commitments\"[^}]*outcome=\""
                + outcome + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static int financialYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
