package uk.gov.dps.spend.config;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import uk.gov.dps.spend.domain.TermCalendar;
import uk.gov.dps.spend.domain.Thresholds;

/** The domain rules' settings as beans, checked once at start: a bad term calendar stops the service starting. */
public class SpendRules {

    @Produces
    @Singleton
    TermCalendar termCalendar(SpendConfig config) {
        return TermCalendar.parse(config.termCalendar().terms(),
                config.termCalendar().nonSchoolDays().orElse(List.of()));
    }

    @Produces
    @Singleton
    Thresholds thresholds(SpendConfig config) {
        return new Thresholds(config.atRiskPercent(), config.overspentPercent());
    }
}
