package uk.gov.dps.monitoring.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a quarterly KPI return starts to worry the partner councils. Each breach is a reason for an amber
 * rating; KPIs alone never make a provider red (a judgement, a concern or a failed plan does).
 *
 * @param minOccupancyPercent           below this, the setting's financial viability is at risk
 * @param maxStaffTurnoverPercent       above this in one quarter, children lose the adults they know
 * @param maxIncidents                  more incidents than this in the quarter
 * @param maxMissingEpisodes            more missing-from-care episodes than this in the quarter
 * @param minEducationAttendancePercent below this, children are missing education
 * @param maxComplaints                 more complaints than this in the quarter
 */
public record KpiThresholds(BigDecimal minOccupancyPercent, BigDecimal maxStaffTurnoverPercent, int maxIncidents,
        int maxMissingEpisodes, BigDecimal minEducationAttendancePercent, int maxComplaints) {

    /** The values the service runs with unless configured otherwise ({@code dps.monitoring.kpi.*}). */
    public static final KpiThresholds DEFAULT = new KpiThresholds(new BigDecimal("50"), new BigDecimal("15"), 10, 2,
            new BigDecimal("85"), 5);

    /** Why the return breaches the thresholds; empty when it is within all of them. */
    public List<String> breaches(KpiFigures kpi) {
        String prefix = "KPI return " + kpi.quarter() + ": ";
        List<String> reasons = new ArrayList<>();
        if (kpi.occupancyPercent().compareTo(minOccupancyPercent) < 0) {
            reasons.add(prefix + "occupancy " + percent(kpi.occupancyPercent()) + " is below "
                    + percent(minOccupancyPercent));
        }
        if (kpi.staffTurnoverPercent().compareTo(maxStaffTurnoverPercent) > 0) {
            reasons.add(prefix + "staff turnover " + percent(kpi.staffTurnoverPercent()) + " is above "
                    + percent(maxStaffTurnoverPercent));
        }
        if (kpi.incidents() > maxIncidents) {
            reasons.add(prefix + count(kpi.incidents(), "incident") + ", more than " + maxIncidents);
        }
        if (kpi.missingEpisodes() > maxMissingEpisodes) {
            reasons.add(prefix + count(kpi.missingEpisodes(), "missing episode") + ", more than " + maxMissingEpisodes);
        }
        if (kpi.educationAttendancePercent().compareTo(minEducationAttendancePercent) < 0) {
            reasons.add(prefix + "education attendance " + percent(kpi.educationAttendancePercent()) + " is below "
                    + percent(minEducationAttendancePercent));
        }
        if (kpi.complaints() > maxComplaints) {
            reasons.add(prefix + count(kpi.complaints(), "complaint") + ", more than " + maxComplaints);
        }
        return reasons;
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString() + "%";
    }
}
