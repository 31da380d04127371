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
}
