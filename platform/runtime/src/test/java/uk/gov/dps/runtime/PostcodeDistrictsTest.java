package uk.gov.dps.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PostcodeDistrictsTest {

    @Test
    void aFullPostcodeOrADistrictAsTypedFindsTheDistrict() {
        assertEquals("PE29", PostcodeDistricts.find("pe29 1ab").orElseThrow().code());
        assertEquals("PE29", PostcodeDistricts.find(" PE29 ").orElseThrow().code());
        assertEquals("SW1A", PostcodeDistricts.find("SW1A 2AA").orElseThrow().code());
        assertTrue(PostcodeDistricts.find("ZZ99").isEmpty());
        assertTrue(PostcodeDistricts.find(null).isEmpty());
    }

    @Test
    void distancesBetweenKnownTownsAreAsOnAMap() {
        // Huntingdon (PE29) to Peterborough city centre (PE1): about 17 miles as the crow flies.
        double huntingdonToPeterborough = PostcodeDistricts.milesBetween("PE29", "PE1").orElseThrow();
        assertTrue(huntingdonToPeterborough > 15 && huntingdonToPeterborough < 19, "" + huntingdonToPeterborough);
        // Huntingdon to Norwich (NR1): about 70 miles, well over the DfE's 20-mile band.
        double huntingdonToNorwich = PostcodeDistricts.milesBetween("PE29", "NR1").orElseThrow();
        assertTrue(huntingdonToNorwich > 65 && huntingdonToNorwich < 75, "" + huntingdonToNorwich);
        assertEquals(0.0, PostcodeDistricts.milesBetween("CB1", "CB1").orElseThrow(), 1e-9);
    }

    @Test
    void theAreaIsTheUpperTierAuthorityOfTheDistrict() {
        var wisbech = PostcodeDistricts.find("PE13").orElseThrow();
        assertTrue(wisbech.isInsideArea("E10000003"), "Wisbech is in Cambridgeshire");
        assertFalse(PostcodeDistricts.find("PE1").orElseThrow().isInsideArea("E10000003"), "Peterborough is a unitary");
        assertEquals("Wales", PostcodeDistricts.find("CF10").orElseThrow().country());
        assertEquals("Bournemouth, Christchurch and Poole", PostcodeDistricts.find("BH1").orElseThrow().upperTierName());
    }

    @Test
    void aPlacementsDistanceIsBandedAsTheDfeDoesAndTheAreaIsThePlacingCouncils() {
        String cambridgeshire = "E10000003";
        var peterborough = PostcodeDistricts.placementDistance("PE29", "PE1", cambridgeshire).orElseThrow();
        assertEquals(PostcodeDistricts.DistanceBand.TWENTY_MILES_OR_LESS, peterborough.band());
        assertFalse(peterborough.insideArea(), "Peterborough is outside Cambridgeshire's area, though near");
        var norwich = PostcodeDistricts.placementDistance("PE29", "NR1", cambridgeshire).orElseThrow();
        assertEquals(PostcodeDistricts.DistanceBand.OVER_TWENTY_MILES, norwich.band());
        var wisbech = PostcodeDistricts.placementDistance("PE29", "PE13", cambridgeshire).orElseThrow();
        assertTrue(wisbech.insideArea());
        assertEquals(PostcodeDistricts.DistanceBand.OVER_TWENTY_MILES, wisbech.band(), "Wisbech is " + wisbech.miles());
        assertTrue(PostcodeDistricts.placementDistance("PE29", "ZZ99", cambridgeshire).isEmpty());
    }
}
