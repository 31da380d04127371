package uk.gov.dps.placement.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.gov.dps.placement.domain.Fit;
import uk.gov.dps.placement.domain.Invitation;

/**
 * An invitation's fit as it was shown when assessed: MEETS, PARTLY_MEETS or NO_SETTINGS_KNOWN for the best-fitting
 * setting, its distance from the child's home district (miles, the DfE's band, inside or outside the council's area)
 * and the reasons per criterion (age, sex, needs, distance, vacancy, quality). Null for an invitation made before
 * fit was assessed.
 */
public record FitView(Fit.Level fit, UUID settingId, String settingName, BigDecimal miles, String distanceBand,
        Boolean insideArea, List<Fit.Reason> reasons, Instant assessedAt) {

    static FitView of(Invitation i) {
        if (i.fit == null) {
            return null;
        }
        return new FitView(i.fit, i.fitSettingId, i.fitSettingName, i.fitMiles, i.fitDistanceBand, i.fitInsideArea,
                i.fitReasons == null ? List.of() : List.copyOf(i.fitReasons), i.fitAssessedAt);
    }
}
