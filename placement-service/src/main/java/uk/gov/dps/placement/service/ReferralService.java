package uk.gov.dps.placement.service;

import java.util.List;
import java.util.Optional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.runtime.PageRequest;

@ApplicationScoped
public class ReferralService {

    /** One council's referrals, newest first; never another council's. */
    public List<Referral> list(String council, Optional<Referral.Status> status, PageRequest page) {
        Sort newestFirst = Sort.descending("raisedAt").and("id");
        var query = status
                .map(s -> Referral.<Referral>find("council = :council and status = :status", newestFirst,
                        Parameters.with("council", council).and("status", s)))
                .orElseGet(() -> Referral.find("council", newestFirst, council));
        return query.range(page.first(), page.last()).list();
    }
}
