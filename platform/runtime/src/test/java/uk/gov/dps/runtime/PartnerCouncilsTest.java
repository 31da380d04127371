package uk.gov.dps.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The partner councils as SmallRye Config maps them from this module's defaults and a deployment's environment. */
class PartnerCouncilsTest {

    @Test
    void theFiveEr4PartnersAreTheDefault() {
        PartnerCouncils partners = partners(Map.of());
        assertEquals(Set.of("cambridgeshire", "peterborough", "essex", "suffolk", "thurrock"), partners.all().keySet());
        assertEquals("Peterborough City Council", partners.all().get("peterborough").name());
        assertEquals("E06000031", partners.all().get("peterborough").onsCode());
        assertFalse(partners.isPartner("norfolk"));
        assertFalse(partners.isPartner(null));
    }

    @Test
    void aDeploymentAddsAPartnerWithTwoEnvironmentVariables() {
        PartnerCouncils partners = partners(Map.of("DPS_COUNCILS_NORFOLK_NAME", "Norfolk County Council",
                "DPS_COUNCILS_NORFOLK_ONS_CODE", "E10000020"));
        assertTrue(partners.isPartner("norfolk"));
        assertEquals("E10000020", partners.all().get("norfolk").onsCode());
        assertTrue(partners.isPartner("cambridgeshire"));
    }

    private static PartnerCouncils partners(Map<String, String> environment) {
        return new SmallRyeConfigBuilder().addDefaultSources().withMapping(PartnerCouncils.class)
                .withSources(new EnvConfigSource(environment, 300)).build().getConfigMapping(PartnerCouncils.class);
    }
}
