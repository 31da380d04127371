package uk.gov.dps.placement.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dps.placement")
public interface PlacementConfig {

    /** Above this weekly cost (pounds) an award needs County Resourcing Panel approval. */
    @WithDefault("4000.00")
    BigDecimal panelThresholdWeekly();

    /** Exemptions ending within this many days are listed as expiring and announced once. */
    @WithDefault("30")
    int exemptionWarningDays();

    /** How often closed cascade windows are looked for (a Quarkus scheduler interval such as {@code 30s}). */
    @WithDefault("30s")
    String cascadeCheckInterval();

    /** A call-off invites at most this many providers: its event names every one (Kafka takes 1 MB a message). */
    @WithDefault("2000")
    int maxInvitations();

    /**
     * From this day (Health and Social Care (Wales) Act 2025) an English council places with a for-profit provider in
     * Wales only in exceptional cases: an award to such a setting then needs a recorded exceptional reason.
     */
    @WithDefault("2030-04-01")
    java.time.LocalDate walesForProfitExceptionalFrom();

    Evaluation evaluation();

    /** Weights of the evaluation score, in percent; they must add up to 100. */
    interface Evaluation {
        @WithDefault("60")
        int priceWeight();

        @WithDefault("30")
        int qualityWeight();

        @WithDefault("10")
        int needsWeight();
    }
}
