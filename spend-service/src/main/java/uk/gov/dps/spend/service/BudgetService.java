package uk.gov.dps.spend.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.spend.domain.BudgetLine;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Money;

/** Finance officers set and revise their council's budget lines; every change is in the audit trail. */
@ApplicationScoped
public class BudgetService {

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    AlertService alerts;

    @Inject
    Clock clock;

    public record NewBudgetLine(String council, int financialYear, FundingStream fundingStream, String name,
            long amountPence, UUID lotId, UUID contractId) {
    }

    /** A line for the caller's council; one per council, year, stream and scope (409 for a second). */
    @Transactional
    public BudgetLine create(NewBudgetLine request) {
        caller.requireCouncil(request.council());
        if (request.lotId() != null && request.contractId() != null) {
            throw ProblemException.badRequest("contractId", "a budget line is for one lot or one contract, not both");
        }
        if (request.contractId() != null) {
            Contract contract = Contract.findById(request.contractId());
            if (contract == null || !contract.council.equals(request.council())) {
                throw ProblemException.unprocessable("Contract " + request.contractId()
                        + " is not one of your council's contracts.");
            }
            if (!contract.overlaps(new FinancialYear(request.financialYear()))) {
                throw ProblemException.unprocessable("Contract " + contract.name + " does not run in financial year "
                        + new FinancialYear(request.financialYear()).label() + ".");
            }
        }
        if (existsWithSameScope(request)) {
            throw ProblemException.conflict("Your council already has a " + request.fundingStream()
                    + " budget line for " + new FinancialYear(request.financialYear()).label()
                    + " with this scope; revise its amount instead.");
        }
        BudgetLine line = new BudgetLine();
        line.id = UUID.randomUUID();
        line.council = request.council();
        line.financialYear = request.financialYear();
        line.fundingStream = request.fundingStream();
        line.name = request.name().strip();
        line.amountPence = request.amountPence();
        line.lotId = request.lotId();
        line.contractId = request.contractId();
        line.createdAt = clock.instant();
        line.createdBy = caller.name();
        line.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("financialYear", line.financialYear);
        details.put("fundingStream", line.fundingStream);
        details.put("amount", line.amountPounds());
        details.put("lotId", line.lotId);
        details.put("contractId", line.contractId);
        audit.record("budget", line.id, "SET", caller.asActor(), null, details);
        // a budget set below what is already committed is over its thresholds from the start
        alerts.checkLocked(line);
        return line;
    }

    private static boolean existsWithSameScope(NewBudgetLine request) {
        StringBuilder query = new StringBuilder(
                "council = :council and financialYear = :year and fundingStream = :stream");
        Parameters parameters = Parameters.with("council", request.council()).and("year", request.financialYear())
                .and("stream", request.fundingStream());
        if (request.lotId() == null) {
            query.append(" and lotId is null");
        } else {
            query.append(" and lotId = :lot");
            parameters.and("lot", request.lotId());
        }
        if (request.contractId() == null) {
            query.append(" and contractId is null");
        } else {
            query.append(" and contractId = :contract");
            parameters.and("contract", request.contractId());
        }
        return BudgetLine.count(query.toString(), parameters) > 0;
    }

    /** A new amount for a line, with the reason; the line is locked so alerts see one amount at a time. */
    @Transactional
    public BudgetLine revise(UUID id, long amountPence, String reason) {
        BudgetLine line = BudgetLine.<BudgetLine>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Budget line", id));
        caller.requireCouncil(line.council);
        long previous = line.amountPence;
        line.amountPence = amountPence;
        audit.record("budget", line.id, "REVISED", caller.asActor(), reason,
                Map.of("from", Money.pounds(previous), "to", Money.pounds(amountPence)));
        alerts.checkLocked(line);
        return line;
    }

    /** A line of the caller's council: 404 when unknown, 403 when another council's. */
    public BudgetLine get(UUID id) {
        BudgetLine line = BudgetLine.<BudgetLine>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Budget line", id));
        caller.requireCouncil(line.council);
        return line;
    }

    public List<BudgetLine> list(String council, Optional<Integer> year, Optional<FundingStream> stream,
            PageRequest page) {
        Sort order = Sort.descending("financialYear").and("fundingStream").and("id");
        StringBuilder query = new StringBuilder("council = :council");
        Parameters parameters = Parameters.with("council", council);
        year.ifPresent(y -> {
            query.append(" and financialYear = :year");
            parameters.and("year", y);
        });
        stream.ifPresent(s -> {
            query.append(" and fundingStream = :stream");
            parameters.and("stream", s);
        });
        return BudgetLine.<BudgetLine>find(query.toString(), order, parameters).range(page.first(), page.last())
                .list();
    }
}
