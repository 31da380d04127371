package uk.gov.dps.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.transparency.TransparencyFixtures.OCDS;
import static uk.gov.dps.transparency.TransparencyFixtures.award;
import static uk.gov.dps.transparency.TransparencyFixtures.awaitCallOffs;
import static uk.gov.dps.transparency.TransparencyFixtures.csv;
import static uk.gov.dps.transparency.TransparencyFixtures.dpsWithLot;
import static uk.gov.dps.transparency.TransparencyFixtures.events;
import static uk.gov.dps.transparency.TransparencyFixtures.payment;
import static uk.gov.dps.transparency.TransparencyFixtures.provider;
import static uk.gov.dps.transparency.TransparencyFixtures.recordPackage;
import static uk.gov.dps.transparency.TransparencyFixtures.releasePackage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.spend.PaymentRecorded;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;
import uk.gov.dps.transparency.domain.PublicIds;

/** OCDS packages from events sent to Kafka, fetched over HTTP and checked with the official schemas. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OcdsPackagesTest {

    @Test
    void theDpsAndItsCallOffsArePublishedAsOcdsThatValidatesWithTheOfficialSchemasAndExtensions() {
        UUID dpsId = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        UUID openEnded = UUID.randomUUID();
        UUID provider;
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, dpsId, "PCR2015_DPS", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            provider = provider(events, "Fenland Children's Homes Ltd", "SC123456", "01234567");
            // 4 weeks of a 52-week placement at £2,531 a week: £10,124
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, award(placement, UUID.randomUUID(),
                    "cambridgeshire", lot, provider, "2531.00", "WEEKS_52", LocalDate.parse("2018-10-01"),
                    LocalDate.parse("2018-10-28"), Instant.parse("2018-09-25T10:00:00Z")));
            // no planned end, 38 term weeks: one year of term weeks, 1000 x 52 x 38/52 = £38,000
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, openEnded, award(openEnded, UUID.randomUUID(),
                    "peterborough", lot, provider, "1000.00", "WEEKS_38", LocalDate.parse("2018-11-01"), null,
                    Instant.parse("2018-10-02T10:00:00Z")));
            events.sendEvent(EventCatalog.PAYMENT_RECORDED, placement, payment(placement, provider, "cambridgeshire",
                    "2531.00", LocalDate.parse("2018-10-08"), "CCC-PAY-1"));
        }
        awaitCallOffs(dpsId, 2);
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> releasePackage(dpsId).toString()
                .contains("\"transactions\""));

        JsonNode releases = releasePackage(dpsId);
        assertThat(OCDS.releasePackageErrors(releases)).isEmpty();
        assertThat(releases.get("version").asText()).isEqualTo("1.1");
        assertThat(releases.get("extensions").toString()).contains("ocds_techniques_extension", "ocds_lots_extension",
                "ocds_uk_extension");

        JsonNode dps = releases.get("releases").get(0);
        assertThat(dps.get("ocid").asText()).isEqualTo("ocds-dev000-dps-" + dpsId);
        assertThat(dps.at("/tender/techniques/hasDynamicPurchasingSystem").asBoolean()).isTrue();
        assertThat(dps.at("/tender/lots/0/title").asText()).isEqualTo("Residential Children's Homes");
        assertThat(dps.at("/tender/tenderPeriod/endDate").asText()).isEqualTo("2022-03-31T23:59:59+01:00");
        assertThat(dps.get("parties").findValuesAsText("id")).contains("GB-ONS-E10000003", "GB-ONS-E06000031");

        JsonNode first = callOff(releases, placement);
        assertThat(first.at("/relatedProcesses/0/identifier").asText()).isEqualTo(dps.get("ocid").asText());
        assertThat(first.at("/awards/0/value/amount").decimalValue()).isEqualByComparingTo("10124.00");
        assertThat(first.at("/awards/0/value/currency").asText()).isEqualTo("GBP");
        assertThat(first.at("/awards/0/suppliers/0/id").asText()).isEqualTo("GB-COH-01234567");
        assertThat(first.at("/contracts/0/period/startDate").asText()).isEqualTo("2018-10-01T00:00:00+01:00");
        assertThat(first.at("/contracts/0/dateSigned").asText()).isEqualTo("2018-09-25T10:00:00Z");
        JsonNode supplier = party(first, "GB-COH-01234567");
        assertThat(supplier.at("/identifier/scheme").asText()).isEqualTo("GB-COH");
        assertThat(supplier.at("/additionalIdentifiers/0").toString()).contains("GB-OFSTED", "SC123456");
        JsonNode buyer = party(first, "GB-ONS-E10000003");
        assertThat(buyer.get("name").asText()).isEqualTo("Cambridgeshire County Council");
        JsonNode transaction = first.at("/contracts/0/implementation/transactions/0");
        assertThat(transaction.at("/value/amount").decimalValue()).isEqualByComparingTo("2531.00");
        assertThat(transaction.get("date").asText()).isEqualTo("2018-10-08T00:00:00+01:00");
        assertThat(first.get("tag").toString()).contains("implementation");

        JsonNode second = callOff(releases, openEnded);
        assertThat(second.at("/awards/0/value/amount").decimalValue()).isEqualByComparingTo("38000.00");
        assertThat(second.at("/contracts/0/period/endDate").asText()).isEqualTo("2019-10-30T23:59:59Z");

        // the extensions are applied, not just named: a DPS status outside the techniques codelist is refused
        JsonNode wrong = releases.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrong.at("/releases/0/tender/techniques/dynamicPurchasingSystem"))
                .put("status", "half-open");
        assertThat(OCDS.releasePackageErrors(wrong)).anyMatch(m -> m.contains("status"));

        JsonNode records = recordPackage(dpsId);
        assertThat(OCDS.recordPackageErrors(records)).isEmpty();
        assertThat(records.get("records")).hasSize(3);
        assertThat(records.at("/records/1/compiledRelease/ocid").asText())
                .isEqualTo(records.at("/records/1/ocid").asText());
    }

    @Test
    void aPackageMissingARequiredFieldIsRejectedByTheSchemas() {
        // the validation is not vacuous: the same schemas refuse a release without its ocid
        JsonNode broken = TransparencyFixtures.JSON.createObjectNode().put("uri", "http://example.org/p")
                .put("version", "1.1").put("publishedDate", "2018-10-09T09:00:00Z")
                .set("releases", TransparencyFixtures.JSON.createArrayNode().add(TransparencyFixtures.JSON
                        .createObjectNode().put("id", "r1").put("date", "2018-10-09T09:00:00Z")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).putObject("publisher").put("name", "x");
        assertThat(OCDS.releasePackageErrors(broken)).anyMatch(m -> m.contains("ocid"));
    }

    @Test
    void anUnknownDpsIsA404Problem() {
        given().when().get("/ocds/dps/" + UUID.randomUUID() + "/releases").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void theSameEventTwiceCountsOnceAndAPoisonEventGoesToTheDeadLetterTopic() {
        UUID dpsId = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        PaymentRecorded paid;
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, dpsId, "PCR2015_DPS", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            UUID provider = provider(events, "Ouse Valley Care Ltd", null, "07654321");
            String awardId = UUID.randomUUID().toString();
            var awarded = award(placement, UUID.randomUUID(), "essex", lot, provider, "900.00", "WEEKS_52",
                    LocalDate.parse("2018-08-06"), LocalDate.parse("2018-12-30"), Instant.parse("2018-08-01T10:00:00Z"));
            events.sendEvent(awardId, EventCatalog.PLACEMENT_AWARDED, placement, awarded);
            events.sendEvent(awardId, EventCatalog.PLACEMENT_AWARDED, placement, awarded);
            paid = payment(placement, provider, "essex", "3600.00", LocalDate.parse("2018-09-03"), "ECC-77");
            String paymentEvent = UUID.randomUUID().toString();
            events.sendEvent(paymentEvent, EventCatalog.PAYMENT_RECORDED, placement, paid);
            events.sendEvent(paymentEvent, EventCatalog.PAYMENT_RECORDED, placement, paid);
            // a payment event whose payload is not a payment
            events.send(Topics.SPEND, "poison-" + placement, Map.of(CloudEvents.HEADER_ID, UUID.randomUUID().toString(),
                    CloudEvents.HEADER_TYPE, EventCatalog.PAYMENT_RECORDED.type(), CloudEvents.HEADER_SOURCE,
                    "spend-service", CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION), "{\"amount\": \"lots\"");
        }
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> csv("essex", "payments", "2018-Q3")
                .contains("ECC-77"));
        try (TopicReader dlq = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.SPEND))) {
            dlq.await(r -> ("poison-" + placement).equals(r.key()), Duration.ofSeconds(30));
        }
        JsonNode callOff = callOff(awaitCallOffs(dpsId, 1), placement);
        assertThat(callOff.at("/contracts/0/implementation/transactions")).hasSize(1);
        assertThat(csv("essex", "payments", "2018-Q3").lines().filter(l -> l.contains("ECC-77")).count()).isEqualTo(1);
        assertThat(OCDS.releasePackageErrors(releasePackage(dpsId))).isEmpty();
    }

    static JsonNode callOff(JsonNode releasePackage, UUID placementId) {
        String ocid = PublicIds.contractOcid("ocds-dev000", PublicIds.contract(placementId));
        List<JsonNode> found = new ArrayList<>();
        releasePackage.get("releases").forEach(r -> {
            if (r.get("ocid").asText().equals(ocid)) {
                found.add(r);
            }
        });
        assertThat(found).as("release of " + ocid).hasSize(1);
        return found.get(0);
    }

    private static JsonNode party(JsonNode release, String id) {
        for (JsonNode party : release.get("parties")) {
            if (party.get("id").asText().equals(id)) {
                return party;
            }
        }
        throw new AssertionError("no party " + id + " in " + release.get("parties"));
    }
}
