package uk.gov.dps.lot.service;

import java.util.List;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.runtime.PageRequest;

@ApplicationScoped
public class DpsService {

    public List<DynamicPurchasingSystem> list(PageRequest page) {
        return DynamicPurchasingSystem.findAll(Sort.by("reference")).range(page.first(), page.last()).list();
    }
}
