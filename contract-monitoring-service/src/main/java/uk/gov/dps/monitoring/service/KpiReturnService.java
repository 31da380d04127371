package uk.gov.dps.monitoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.quality.KpiReturnReceived;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.monitoring.domain.FinancialQuarter;
import uk.gov.dps.monitoring.domain.KpiReturn;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

@ApplicationScoped
public class KpiReturnService {

    @Inject
    ProviderDirectory directory;

    @Inject
    RiskRatingService ratings;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public record NewKpiReturn(UUID providerId, FinancialQuarter quarter, BigDecimal occupancyPercent,
            BigDecimal staffTurnoverPercent, int incidents, int missingEpisodes, BigDecimal educationAttendancePercent,
            int complaints) {
    }

    /** One return per provider and quarter; a quarter may be reported once it has started. */
    @Transactional
    public KpiReturn receive(NewKpiReturn request, AuditTrail.Actor actor) {
        LocalDate today = ratings.today();
        if (!request.quarter().hasStartedBy(today)) {
            throw ProblemException.unprocessable("Quarter " + request.quarter() + " has not started yet (it starts on "
                    + request.quarter().firstDay() + "): a KPI return reports a quarter that has begun.");
        }
        MonitoredProvider provider = directory.lockKnown(request.providerId());
        KpiReturn earlier = KpiReturn.find("providerId = ?1 and quarter = ?2", provider.providerId,
                request.quarter().toString()).firstResult();
        if (earlier != null) {
            throw ProblemException.conflict("The KPI return for " + request.quarter() + " was received already, on "
                    + earlier.receivedAt + ".");
        }
        KpiReturn kpi = new KpiReturn();
        kpi.id = UUID.randomUUID();
        kpi.providerId = provider.providerId;
        kpi.quarter = request.quarter().toString();
        kpi.occupancyPercent = percent(request.occupancyPercent());
        kpi.staffTurnoverPercent = percent(request.staffTurnoverPercent());
        kpi.incidents = request.incidents();
        kpi.missingEpisodes = request.missingEpisodes();
        kpi.educationAttendancePercent = percent(request.educationAttendancePercent());
        kpi.complaints = request.complaints();
        kpi.submittedBy = actor.name();
        kpi.submittingCouncil = actor.council();
        kpi.receivedAt = clock.instant();
        kpi.persist();
        outbox.publish(EventCatalog.KPI_RETURN_RECEIVED, provider.providerId, new KpiReturnReceived(kpi.id,
                kpi.providerId, kpi.quarter, kpi.occupancyPercent, kpi.staffTurnoverPercent, kpi.incidents,
                kpi.missingEpisodes, kpi.educationAttendancePercent, kpi.complaints, kpi.receivedAt));
        audit.record("provider", provider.providerId, "KPI_RETURN_RECEIVED", actor, null,
                Map.of("returnId", kpi.id, "quarter", kpi.quarter));
        ratings.reassess(provider, "KPI return received", actor, today);
        return kpi;
    }

    public KpiReturn get(UUID id) {
        return KpiReturn.<KpiReturn>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("KPI return", id));
    }

    /** Newest quarter first, for one provider or all, optionally one quarter. */
    public List<KpiReturn> list(Optional<UUID> provider, Optional<FinancialQuarter> quarter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        provider.ifPresent(id -> {
            query.append(" and providerId = :provider");
            parameters.and("provider", id);
        });
        quarter.ifPresent(q -> {
            query.append(" and quarter = :quarter");
            parameters.and("quarter", q.toString());
        });
        return KpiReturn.<KpiReturn>find(query.toString(), Sort.descending("quarter").and("providerId"), parameters)
                .range(page.first(), page.last()).list();
    }

    /** Percentages are kept to 2 decimals, exactly as given (the request allows no more). */
    private static BigDecimal percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
