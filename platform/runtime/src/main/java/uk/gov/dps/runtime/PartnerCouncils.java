package uk.gov.dps.runtime;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The councils that share the DPS, keyed by the {@code council} claim of their tokens: configuration, so that a new
 * partner joins by adding {@code dps.councils.<claim>.name} and {@code dps.councils.<claim>.ons-code} (defaults in
 * this module's {@code META-INF/microprofile-config.properties}). A token naming any other council is refused.
 */
@ConfigMapping(prefix = "dps.councils")
public interface PartnerCouncils {

    @WithParentName
    Map<String, Council> all();

    /** One partner: its display name and its ONS (GSS) local authority code, e.g. E10000003. */
    interface Council {

        @NotBlank
        String name();

        @Pattern(regexp = "[EW]\\d{8}", message = "must be an ONS local authority code such as E10000003")
        String onsCode();
    }

    default boolean isPartner(String council) {
        return council != null && all().containsKey(council);
    }
}
