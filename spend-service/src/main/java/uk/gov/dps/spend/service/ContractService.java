package uk.gov.dps.spend.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.Money;

/** Contract envelopes: what a council may commit with named providers in a lot over a period. */
@ApplicationScoped
public class ContractService {

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    AlertService alerts;

    @Inject
    Positions positions;

    @Inject
    Clock clock;

    public record NewContract(String council, String name, UUID lotId, List<UUID> providerIds, LocalDate startDate,
            LocalDate endDate, long valuePence) {
    }

    /** Longer than any call-off contract envelope; its commitment is worked out day by day. */
    static final int MAX_YEARS = 10;

    @Transactional
    public Contract create(NewContract request) {
        caller.requireCouncil(request.council());
        if (request.endDate().isBefore(request.startDate())) {
            throw ProblemException.badRequest("endDate", "must not be before startDate");
        }
        if (request.endDate().isAfter(request.startDate().plusYears(MAX_YEARS))) {
            throw ProblemException.badRequest("endDate", "a contract runs at most " + MAX_YEARS + " years");
        }
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.council = request.council();
        contract.name = request.name().strip();
        contract.lotId = request.lotId();
        contract.providerIds = new LinkedHashSet<>(request.providerIds()).toArray(UUID[]::new);
        contract.startDate = request.startDate();
        contract.endDate = request.endDate();
        contract.valuePence = request.valuePence();
        contract.createdAt = clock.instant();
        contract.createdBy = caller.name();
        contract.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lotId", contract.lotId);
        details.put("providerIds", List.of(contract.providerIds));
        details.put("startDate", contract.startDate.toString());
        details.put("endDate", contract.endDate.toString());
        details.put("value", Money.pounds(contract.valuePence));
        audit.record("contract", contract.id, "CREATED", caller.asActor(), null, details);
        // placements already under it may put it over a threshold at once
        alerts.checkLocked(contract);
        return contract;
    }

    /** A contract of the caller's council: 404 when unknown, 403 when another council's. */
    public Contract get(UUID id) {
        Contract contract = Contract.<Contract>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Contract", id));
        caller.requireCouncil(contract.council);
        return contract;
    }

    public Positions.ContractPosition position(Contract contract) {
        return positions.of(contract);
    }

    public List<Contract> list(String council, PageRequest page) {
        return Contract.<Contract>find("council", Sort.descending("startDate").and("id"), council)
                .range(page.first(), page.last()).list();
    }
}
