package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The report's sufficiency and owner-group sections, from answers shaped as placement-service gives them. */
class DemoSufficiencyTextTest {

    private static final JsonNode OWN = DemoApi.read("""
            {"council": "cambridgeshire", "joint": false,
             "referrals": {"raised": 6, "placed": 4, "placedInHouse": 0, "unmet": 1, "cancelled": 1, "open": 0},
             "timeToPlace": {"placements": 4, "medianDays": 3.5, "meanDays": 4.5},
             "invitations": {"referralsCalledOff": 5, "invitations": 10, "invitationsPerReferral": 2.0, "answered": 9,
                             "offers": 5, "declines": 4, "responseRatePercent": 90.0, "offerRatePercent": 50.0},
             "declinesByReason": [{"reason": "NO_VACANCY", "count": 2}, {"reason": "MATCHING", "count": 0}],
             "placements": 4,
             "distance": {"twentyMilesOrLess": 1, "overTwentyMiles": 2, "insideArea": 1, "outsideArea": 2,
                          "unknown": 1},
             "weeklyPriceByLot": [{"lotCode": "LOT1", "lotName": "Residential", "placements": 4,
                                   "averageWeeklyPrice": 2356.00}],
             "emergencyCapacity": {"places": 3, "settings": 2, "vacancies": 2},
             "concentration": {"topProvidersPercent": 100.0, "topOwnerGroupsPercent": 75.0}}""");
    private static final JsonNode JOINT = DemoApi.read("""
            {"council": null, "joint": true, "referrals": {"raised": 7, "placed": 4},
             "timeToPlace": {"medianDays": null}, "declinesByReason": [{"reason": "NO_VACANCY", "count": 3}],
             "placements": 4, "weeklyPriceByLot": []}""");

    @Test
    void theCouncilsFiguresStandBesideTheJointOnes() {
        String text = DemoReport.sufficiencyText("Cambridgeshire County Council", OWN, JOINT);
        assertTrue(text.matches("(?s).*Referrals raised +6 +7\\n.*"), text);
        assertTrue(text.matches("(?s).*median +3\\.5 +-\\n.*"), text);
        assertTrue(text.matches("(?s).*Response rate \\(answered / invited\\) +90\\.0% +-\\n.*"), text);
        assertTrue(text.matches("(?s).*declined: no vacancy +2 +3\\n.*"), text);
        assertTrue(!text.contains("declined: matching"), text);
        assertTrue(text.matches("(?s).*20 miles or less from home +1 .*"), text);
        assertTrue(text.matches("(?s).*Average weekly price, LOT1 +£2,356\\.00 +-\\n.*"), text);
    }

    @Test
    void theLargestGroupsAndWhatItsFailureWouldLeaveToFind() {
        JsonNode groups = DemoApi.read("""
                {"items": [{"companiesHouseNumber": "09876543", "name": "Horizon Care Group Ltd", "settings": 2,
                            "places": 8, "children": 3, "weeklyCost": 6693.00,
                            "byCouncil": [{"council": "cambridgeshire", "children": 3, "weeklyCost": 6693.00}]}],
                 "page": 0, "size": 5, "hasNext": false}""");
        JsonNode failure = DemoApi.read("""
                {"companiesHouseNumber": "09876543", "name": "Horizon Care Group Ltd", "children": 3,
                 "weeklyCost": 6693.00, "byCouncil": [],
                 "byLot": [{"lotCode": "LOT1", "lotName": "Residential", "children": 3, "weeklyCost": 6693.00,
                            "matchingVacancies": 1, "matchingPlaces": 2}]}""");
        String text = DemoReport.ownerGroupsText(groups, failure);
        assertTrue(text.contains("Horizon Care Group Ltd") && text.contains("cambridgeshire 3"), text);
        assertTrue(text.contains("If Horizon Care Group Ltd failed: 3 children"), text);
        assertTrue(text.matches("(?s).*LOT1 Residential +3 +\\S+ +1 +2\\n.*"), text);
        assertTrue(DemoReport.ownerGroupsText(DemoApi.read("{\"items\": []}"), null).contains("No setting names"));
    }
}
