package uk.gov.dps.provider.config;

import java.time.Duration;

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

    /** A vacancy its provider has not declared or confirmed for this long is shown as stale (ISO-8601, e.g. P7D). */
    @WithDefault("P7D")
    Duration vacancyStaleAfter();

    /** The live vacancy feed (GET /vacancies/feed). */
    VacancyFeed vacancyFeed();

    interface VacancyFeed {
        /** A comment line this often keeps idle connections open through proxies. */
        @WithDefault("PT20S")
        Duration heartbeat();

        /** Events a slow client may fall behind by before its stream is closed (it can reconnect). */
        @WithDefault("500")
        int bufferPerClient();
    }
}
