package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across lot-service and provider-service: a DPS with lots is established, three providers apply, two
 * are admitted and one rejected, the lot's member list shows exactly the two; a suspension removes one from the
 * list and reinstatement restores it.
 */
class OnboardingIT {

    private static String commissioner;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
    }

    @Test
    void twoAdmittedOneRejectedAndSuspensionMovesTheMemberList() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Oak", "Ash", "Elm");
        String oak = lot.providers().get(0);
        String ash = lot.providers().get(1);
        String elm = lot.providers().get(2);

        lot.decide(commissioner, oak, "ADMIT");
        lot.decide(commissioner, ash, "ADMIT");
        lot.decide(commissioner, elm, "REJECT");
        awaitMembers(lot.lotId(), Set.of(oak, ash));

        as("provider-service", commissioner).body("{\"lotId\":\"" + lot.lotId() + "\",\"reason\":\"Serious concern\"}")
                .post("/providers/" + ash + "/suspensions").then().statusCode(200);
        awaitMembers(lot.lotId(), Set.of(oak));
        as("provider-service", commissioner).body("{\"lotId\":\"" + lot.lotId() + "\",\"reason\":\"Concern resolved\"}")
                .post("/providers/" + ash + "/reinstatements").then().statusCode(200);
        awaitMembers(lot.lotId(), Set.of(oak, ash));

        as("lot-service", commissioner).get("/lots/" + lot.lotId() + "/members").then()
                .body("items.providerId", containsInAnyOrder(oak, ash)).body("items.tier", containsInAnyOrder(
                        "TIER_2", "TIER_2"));
        as("provider-service", commissioner).get("/providers/" + ash + "/audit").then()
                .body("items.action", equalTo(List.of("REGISTERED", "APPLIED", "ADMITTED", "SUSPENDED", "REINSTATED")));
        // a provider reads only its own organisation
        as("provider-service", Scenario.provider(oak)).get("/providers/" + ash).then().statusCode(403);
        as("provider-service", Scenario.provider(elm)).get("/providers/" + elm + "/applications").then()
                .statusCode(200).body("items[0].status", equalTo("REJECTED"));
    }

    @Test
    void applicationsAreDueTenWorkingDaysAfterReceipt() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Birch");
        var application = as("provider-service", commissioner).get("/applications/" + lot.application(
                lot.providers().get(0))).then().statusCode(200).extract().jsonPath();
        LocalDate due = LocalDate.parse(application.getString("dueOn"));
        LocalDate received = java.time.Instant.parse(application.getString("receivedAt"))
                .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
        // at least two weeks and at most a little more (bank holidays), never fewer than 10 weekdays
        long weekdays = received.datesUntil(due.plusDays(1)).skip(1)
                .filter(d -> d.getDayOfWeek().getValue() < 6).count();
        assertEquals(true, weekdays >= 10 && weekdays <= 14, "due " + due + " for an application received " + received);
    }

    private static void awaitMembers(String lotId, Set<String> expected) {
        eventually("members of lot " + lotId + " are " + expected, () -> {
            List<String> members = as("lot-service", commissioner).get("/lots/" + lotId + "/members").then()
                    .statusCode(200).extract().path("items.providerId");
            return Set.copyOf(members).equals(expected) && members.size() == expected.size();
        });
    }
}
