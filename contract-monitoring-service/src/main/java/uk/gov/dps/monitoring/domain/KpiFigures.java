package uk.gov.dps.monitoring.domain;

import java.math.BigDecimal;

/** The figures of one quarterly KPI return, as the risk rules read them. */
public record KpiFigures(String quarter, BigDecimal occupancyPercent, BigDecimal staffTurnoverPercent, int incidents,
        int missingEpisodes, BigDecimal educationAttendancePercent, int complaints) {
}
