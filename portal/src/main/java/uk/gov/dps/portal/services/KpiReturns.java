package uk.gov.dps.portal.services;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contract-monitoring-service's KPI returns as a provider sends them: its quarterly return and the ones it sent
 * before (the service gives a provider its own only).
 */
@RegisterRestClient(configKey = KpiReturns.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(KpiReturns.Errors.class)
public interface KpiReturns {

    String NAME = "contract-monitoring-service";

    record KpiReturn(UUID id, UUID providerId, String quarter, BigDecimal occupancyPercent,
            BigDecimal staffTurnoverPercent, int incidents, int missingEpisodes, BigDecimal educationAttendancePercent,
            int complaints, String submittedBy, Instant receivedAt) {
    }

    record NewKpiReturn(UUID providerId, String quarter, BigDecimal occupancyPercent, BigDecimal staffTurnoverPercent,
            Integer incidents, Integer missingEpisodes, BigDecimal educationAttendancePercent, Integer complaints) {
    }

    @GET
    @Path("/kpi-returns")
    Page<KpiReturn> returns(@QueryParam("page") int page);

    @POST
    @Path("/kpi-returns")
    KpiReturn submit(@HeaderParam("Idempotency-Key") String key, NewKpiReturn kpiReturn);

    final class Errors extends ServiceErrors {
        public Errors() {
            super(NAME);
        }
    }
}
