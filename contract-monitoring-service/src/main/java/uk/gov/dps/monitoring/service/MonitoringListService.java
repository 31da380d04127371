package uk.gov.dps.monitoring.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.monitoring.domain.MonitoredProvider;
import uk.gov.dps.monitoring.domain.RiskRating;
import uk.gov.dps.runtime.PageRequest;

/** Which providers to look at first. */
@ApplicationScoped
public class MonitoringListService {

    public enum Order {
        /** Providers with the most children placed first, then the riskiest, then by name. */
        PRIORITY,
        NAME
    }

    /**
     * @param rating only providers rated so
     * @param placed true: only providers with children placed now; false: only those without
     */
    public List<MonitoredProvider> list(Optional<RiskRating> rating, Optional<Boolean> placed, Order order,
            PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        rating.ifPresent(r -> {
            query.append(" and riskRating = :rating");
            parameters.and("rating", r);
        });
        placed.ifPresent(p -> query.append(p ? " and activePlacements > 0" : " and activePlacements = 0"));
        Sort sort = order == Order.NAME ? Sort.ascending("name").and("providerId")
                : Sort.descending("activePlacements", "riskRank").and("name").and("providerId");
        return MonitoredProvider.<MonitoredProvider>find(query.toString(), sort, parameters)
                .range(page.first(), page.last()).list();
    }
}
