package uk.gov.dps.monitoring.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.monitoring.domain.Inspection;
import uk.gov.dps.runtime.PageRequest;

@ApplicationScoped
public class InspectionService {

    /** Newest first, for one provider or all; shared across partner councils on purpose. */
    public List<Inspection> list(Optional<UUID> provider, PageRequest page) {
        Sort newestFirst = Sort.descending("inspectedOn").and("id");
        var query = provider.map(id -> Inspection.<Inspection>find("providerId", newestFirst, id))
                .orElseGet(() -> Inspection.findAll(newestFirst));
        return query.range(page.first(), page.last()).list();
    }
}
