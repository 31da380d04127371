package uk.gov.dps.provider.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dps.provider")
public interface ProviderConfig {

    /** Documents expiring within this many days are announced once (dps.provider.document-expiring.v1). */
    @WithDefault("30")
    int documentWarningDays();

    /** How often documents are checked for expiry (a Quarkus scheduler interval such as {@code 1h}). */
    @WithDefault("1h")
    String documentCheckInterval();

    /**
     * Undecided applications due within this many working days are announced once
     * (dps.provider.application-due-soon.v1); 0 announces them on the due date only.
     */
    @WithDefault("2")
    int applicationDueSoonWorkingDays();

    /** How often undecided applications are checked against their due dates (a Quarkus scheduler interval). */
    @WithDefault("1h")
    String applicationCheckInterval();
}
