package uk.gov.dps.monitoring.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import uk.gov.dps.monitoring.domain.KpiThresholds;

/** {@code dps.monitoring.*}: the partner councils' KPI thresholds and the live feed's settings. */
@ConfigMapping(prefix = "dps.monitoring")
public interface MonitoringConfig {

    Kpi kpi();

    Feed feed();

    OverdueCheck overdueCheck();

    /** Defaults equal {@link KpiThresholds#DEFAULT}; change them here, not in code, when the partners agree. */
    interface Kpi {
        @WithDefault("50")
        BigDecimal minOccupancyPercent();

        @WithDefault("15")
        BigDecimal maxStaffTurnoverPercent();

        @WithDefault("10")
        int maxIncidents();

        @WithDefault("2")
        int maxMissingEpisodes();

        @WithDefault("85")
        BigDecimal minEducationAttendancePercent();

        @WithDefault("5")
        int maxComplaints();

        default KpiThresholds thresholds() {
            return new KpiThresholds(minOccupancyPercent(), maxStaffTurnoverPercent(), maxIncidents(),
                    maxMissingEpisodes(), minEducationAttendancePercent(), maxComplaints());
        }
    }

    /** Time alone makes improvement plans overdue: how often their providers are re-assessed. */
    interface OverdueCheck {
        @WithDefault("1h")
        String every();

        /** After start-up, before the first check. */
        @WithDefault("1m")
        String delay();
    }

    interface Feed {
        /** A comment line this often keeps idle connections open through proxies. */
        @WithDefault("PT20S")
        Duration heartbeat();

        /** Events a slow client may fall behind by before its stream is closed (it can reconnect). */
        @WithDefault("500")
        int bufferPerClient();
    }
}
