package uk.gov.dps.spend.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.spend.domain.BudgetLine;

@ApplicationScoped
public class BudgetService {

    public List<BudgetLine> list(String council, Optional<Integer> year, PageRequest page) {
        Sort order = Sort.descending("financialYear").and("fundingStream").and("id");
        var query = year
                .map(y -> BudgetLine.<BudgetLine>find("council = :council and financialYear = :year", order,
                        Parameters.with("council", council).and("year", y)))
                .orElseGet(() -> BudgetLine.find("council", order, council));
        return query.range(page.first(), page.last()).list();
    }
}
