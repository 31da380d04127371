package uk.gov.dps.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.transparency.TransparencyFixtures.award;
import static uk.gov.dps.transparency.TransparencyFixtures.csv;
import static uk.gov.dps.transparency.TransparencyFixtures.dpsWithLot;
import static uk.gov.dps.transparency.TransparencyFixtures.events;
import static uk.gov.dps.transparency.TransparencyFixtures.payment;
import static uk.gov.dps.transparency.TransparencyFixtures.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.ReferralRaised;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;

/** Nothing personal or about a child is in any published document, whatever the events carried. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NothingPersonalLeavesTest {

    @Test
    void noReferralFieldChildReferenceOrChildsPostcodeDistrictAppearsInAnyPublishedFile() {
        UUID market = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String needs = "ZQX-NEED-SELF-HARM-RISK";
        String ageBand = "ZQX-AGE-13-15";
        String sex = "ZQX-SEX-VALUE";
        String district = "ZQ97";
        String panel = "ZQX-PANEL-REF-4711";
        String invoiceNumber = "ZQX-INV-CHILD-JS";
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, market, "PA2023_DYNAMIC_MARKET", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            UUID provider = provider(events, "March Children's Services Ltd", "SC222222", "02222222");
            events.sendEvent(EventCatalog.REFERRAL_RAISED, referral, new ReferralRaised(referral, "cambridgeshire", lot,
                    "EMERGENCY", ageBand, sex, List.of(needs), district, true, LocalDate.parse("2018-10-10"),
                    "WEEKS_52", Instant.parse("2018-10-08T09:00:00Z")));
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "cambridgeshire", lot,
                    "EMERGENCY", List.of(provider), null, Instant.parse("2018-10-08T12:00:00Z"),
                    Instant.parse("2018-10-08T09:30:00Z")));
            BigDecimal fee = new BigDecimal("4100.00");
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, new PlacementAwarded(placement, referral,
                    "cambridgeshire", lot, "RESIDENTIAL", provider, UUID.randomUUID(),
                    new WeeklyFee(fee, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, fee), "WEEKS_52",
                    LocalDate.parse("2018-10-10"), LocalDate.parse("2019-03-31"),
                    List.of(new FundingShare("HEALTH", new BigDecimal("37.5")),
                            new FundingShare("LAC_PLACEMENTS", new BigDecimal("62.5"))),
                    panel, true, List.of(UUID.randomUUID()), Instant.parse("2018-10-08T15:00:00Z"),
                    "ZQX-JUSTIFICATION-CLOSE-TO-SIBLING", "ZQX-NOTICE-1"));
            var paid = payment(placement, provider, "cambridgeshire", "4100.00", LocalDate.parse("2018-10-05"), "P1");
            events.sendEvent(EventCatalog.PAYMENT_RECORDED, placement, new uk.gov.dps.events.spend.PaymentRecorded(
                    paid.paymentId(), invoice, invoiceNumber, placement, provider, "cambridgeshire", paid.amount(),
                    paid.invoiceReceivedOn(), paid.paidOn(), null, paid.source(), paid.shares(), paid.recordedAt()));
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement, "cambridgeshire",
                    provider, LocalDate.parse("2018-10-08"), "DISRUPTION", "ZQX-REASON-ALLEGATION", "ZQX-REC",
                    "ZQX-RPC", "ZQX-PLACE", "ZQX-PROV"));
        }
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> {
            JsonNode release = TransparencyFixtures.awaitCallOffs(market, 1);
            return release.toString().contains("\"transactions\"") && release.toString().contains("terminated");
        });

        List<String> published = everythingPublished();
        assertThat(String.join("\n", published)).contains("March Children's Services Ltd");
        List<String> personal = List.of(needs, ageBand, sex, district, panel, invoiceNumber, "ZQX-JUSTIFICATION",
                "ZQX-REASON", "ZQX-REC", "ZQX-RPC", "ZQX-PLACE", "ZQX-PROV", "37.5", "62.5", "HEALTH", referral.toString(),
                placement.toString(), invoice.toString(), "PE1 1AA");
        for (String document : published) {
            for (String value : personal) {
                assertThat(document).as("a published document").doesNotContainIgnoringCase(value);
            }
        }
    }

    /** Every document the service serves, for every DPS, council and quarter that has data. */
    private static List<String> everythingPublished() {
        List<String> documents = new ArrayList<>();
        String list = given().get("/ocds/dps").then().statusCode(200).extract().asString();
        documents.add(list);
        for (String dps : given().get("/ocds/dps").then().extract().jsonPath().getList("dpsId", String.class)) {
            documents.add(given().get("/ocds/dps/" + dps + "/releases").then().statusCode(200).extract().asString());
            documents.add(given().get("/ocds/dps/" + dps + "/records").then().statusCode(200).extract().asString());
        }
        for (String council : List.of("cambridgeshire", "peterborough", "essex", "suffolk", "thurrock")) {
            for (String quarter : List.of("2018-Q2", "2018-Q3", "2018-Q4", "2019-Q1")) {
                documents.add(csv(council, "payments", quarter));
                documents.add(csv(council, "contracts", quarter));
            }
        }
        documents.add(given().get("/notices").then().statusCode(200).extract().asString());
        return documents;
    }
}
