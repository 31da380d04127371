package uk.gov.dps.spend.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dps.spend")
public interface SpendConfig {

    /** A budget whose forecast (or a contract whose commitment) is over this percentage of its value is at risk. */
    @WithDefault("90")
    int atRiskPercent();

    /** Over this percentage it is overspent. Both thresholds raise an alert when crossed. */
    @WithDefault("100")
    int overspentPercent();

    /** How often open-ended placements are carried into the next financial year (a Quarkus scheduler interval). */
    @WithDefault("1h")
    String rollForwardInterval();

    TermCalendarConfig termCalendar();

    /**
     * The integrated care board (ICB) that pays the HEALTH share of each council's placements, keyed by the council
     * claim: its ODS code and name. The recharge statement bills the HEALTH share of payments to it.
     */
    Map<String, Icb> icbs();

    interface Icb {

        /** ODS code, e.g. QUE. */
        String code();

        String name();
    }

    /** School terms for 38-week and day placements; see {@code uk.gov.dps.spend.domain.TermCalendar}. */
    interface TermCalendarConfig {

        /** {@code first/last} date ranges, e.g. {@code 2018-09-03/2018-10-21}. */
        List<String> terms();

        /** Weekdays inside terms without school (bank holidays, closures). */
        Optional<List<String>> nonSchoolDays();
    }
}
