package uk.gov.dps.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.transparency.TransparencyFixtures.award;
import static uk.gov.dps.transparency.TransparencyFixtures.csv;
import static uk.gov.dps.transparency.TransparencyFixtures.dpsWithLot;
import static uk.gov.dps.transparency.TransparencyFixtures.events;
import static uk.gov.dps.transparency.TransparencyFixtures.payment;
import static uk.gov.dps.transparency.TransparencyFixtures.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.transparency.domain.PublicIds;

/** A council's Transparency Code files: the Code's columns, its thresholds and the quarters' edges. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class TransparencyCodeTest {

    private static final String PAYMENTS_HEADER = "Organisation name,Organisation code,Effective date,Expense area,"
            + "Expense type,Transaction number,Amount,Irrecoverable VAT,Supplier name,Supplier ID,Merchant category,"
            + "Purpose";
    private static final String CONTRACTS_HEADER = "Reference,Title,Organisation name,Organisation code,Department,"
            + "Description,Supplier name,Supplier registration number,Value,Irrecoverable VAT,Start date,End date,"
            + "Review date,From a published invitation to tender,SME,VCSE";

    @Test
    void paymentsOverFiveHundredPoundsAreListedInTheQuarterTheyWerePaid() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID placement = UUID.randomUUID();
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, UUID.randomUUID(), "PCR2015_DPS", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            UUID provider = provider(events, "Nene Fostering, Ltd", null, "09999999");
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, award(placement, UUID.randomUUID(), "suffolk",
                    lot, provider, "700.00", "WEEKS_52", LocalDate.parse("2018-07-02"), null,
                    Instant.parse("2018-06-28T10:00:00Z")));
            pay(events, placement, provider, "500.00", "2018-09-10", tag + "-AT-500");
            pay(events, placement, provider, "500.01", "2018-09-11", tag + "-OVER-500");
            pay(events, placement, provider, "2100.00", "2018-09-30", tag + "-LAST-DAY-Q3");
            pay(events, placement, provider, "2100.00", "2018-10-01", tag + "-FIRST-DAY-Q4");
            pay(events, placement, provider, "2100.00", "2018-06-30", tag + "-LAST-DAY-Q2");
        }
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> csv("suffolk", "payments", "2018-Q4")
                .contains(tag + "-FIRST-DAY-Q4") && csv("suffolk", "payments", "2018-Q2").contains(tag + "-LAST-DAY-Q2"));

        List<String> q3 = csv("suffolk", "payments", "2018-Q3").lines().toList();
        assertThat(q3.get(0)).isEqualTo(PAYMENTS_HEADER);
        List<String> ours = q3.stream().filter(l -> l.contains(tag)).toList();
        assertThat(ours).containsExactly(
                "Suffolk County Council,E10000029,2018-09-11,Children's Services,Residential children's home placements,"
                        + tag + "-OVER-500,500.01,,\"Nene Fostering, Ltd\",09999999,,Children's placement fees",
                "Suffolk County Council,E10000029,2018-09-30,Children's Services,Residential children's home placements,"
                        + tag + "-LAST-DAY-Q3,2100.00,,\"Nene Fostering, Ltd\",09999999,,Children's placement fees");
        assertThat(csv("suffolk", "payments", "2018-Q4")).contains(tag + "-FIRST-DAY-Q4").doesNotContain(tag + "-LAST");
        assertThat(csv("essex", "payments", "2018-Q3")).doesNotContain(tag);
    }

    @Test
    void contractsOverFiveThousandPoundsAreListedInTheQuarterTheyWereAwardedInUkTime() {
        UUID exactly = UUID.randomUUID();
        UUID over = UUID.randomUUID();
        UUID lateOnThirtiethSeptember = UUID.randomUUID();
        String supplier = "Thurrock Homes " + UUID.randomUUID().toString().substring(0, 6);
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, UUID.randomUUID(), "PCR2015_DPS", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            UUID provider = provider(events, supplier, "SC654321", "05555555");
            // five weeks at £1,000: exactly £5,000, not over it
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, exactly, award(exactly, UUID.randomUUID(), "thurrock",
                    lot, provider, "1000.00", "WEEKS_52", LocalDate.parse("2018-08-06"), LocalDate.parse("2018-09-09"),
                    Instant.parse("2018-08-01T10:00:00Z")));
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, over, award(over, UUID.randomUUID(), "thurrock", lot,
                    provider, "1000.01", "WEEKS_52", LocalDate.parse("2018-08-06"), LocalDate.parse("2018-09-09"),
                    Instant.parse("2018-08-01T11:00:00Z")));
            // 23:30 UTC on 30 September is 00:30 on 1 October in the UK (BST): the next quarter
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, lateOnThirtiethSeptember, award(lateOnThirtiethSeptember,
                    UUID.randomUUID(), "thurrock", lot, provider, "3000.00", "WEEKS_52", LocalDate.parse("2018-10-01"),
                    LocalDate.parse("2019-03-31"), Instant.parse("2018-09-30T23:30:00Z")));
        }
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> csv("thurrock", "contracts", "2018-Q4")
                .contains(supplier) && csv("thurrock", "contracts", "2018-Q3").contains(supplier));

        List<String> q3 = csv("thurrock", "contracts", "2018-Q3").lines().toList();
        assertThat(q3.get(0)).isEqualTo(CONTRACTS_HEADER);
        List<String> ours = q3.stream().filter(l -> l.contains(supplier)).toList();
        assertThat(ours).containsExactly(ocid(over) + ",Children's placement: Residential Children's Homes,"
                + "Thurrock Council,E06000034,Children's Services,\"Residential children's home placements, 52 weeks a "
                + "year, weekly fee £1000.01; call-off from " + ours.get(0).replaceAll(".*call-off from (DPS-\\w+) .*",
                        "$1") + " lot RES\"," + supplier + ",05555555,5000.05,,2018-08-06,2018-09-09,,Yes,,");
        List<String> q4 = csv("thurrock", "contracts", "2018-Q4").lines().filter(l -> l.contains(supplier)).toList();
        assertThat(q4).hasSize(1);
        assertThat(q4.get(0)).startsWith(ocid(lateOnThirtiethSeptember) + ",").contains(",2018-10-01,2019-03-31,");
    }

    @Test
    void aQuarterThatIsNotOneOrACouncilThatIsNotAPartnerIsAProblem() {
        given().queryParam("quarter", "2018-Q5").when().get("/transparency-code/essex/payments").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("quarter"));
        given().when().get("/transparency-code/essex/contracts").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("quarter", "2018-Q3").when().get("/transparency-code/atlantis/payments").then()
                .statusCode(404).contentType("application/problem+json");
    }

    private static void pay(RawEvents events, UUID placement, UUID provider, String amount, String paidOn,
            String reference) {
        events.sendEvent(EventCatalog.PAYMENT_RECORDED, placement, payment(placement, provider, "suffolk", amount,
                LocalDate.parse(paidOn), reference));
    }

    private static String ocid(UUID placement) {
        return PublicIds.contractOcid("ocds-dev000", PublicIds.contract(placement));
    }
}
