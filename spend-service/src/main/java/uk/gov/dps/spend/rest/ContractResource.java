package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.Contract;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.SpendStatus;
import uk.gov.dps.spend.domain.Thresholds;
import uk.gov.dps.spend.service.ContractService;
import uk.gov.dps.spend.service.Positions;

@Path("/contracts")
@Tag(name = "Contracts")
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.COMMISSIONER})
public class ContractResource {

    @Inject
    ContractService contracts;

    @Inject
    Thresholds thresholds;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record NewContractRequest(
            /** defaults to the caller's council */
            String council,
            @NotBlank @Size(max = 200) String name,
            @NotNull UUID lotId,
            @NotEmpty @Size(max = 100) List<@NotNull UUID> providerIds,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal value) {
    }

    /**
     * @param committed            what on-contract placements with its providers in its lot cost over its period
     * @param offContractCommitted what the same providers were paid in the same lot through spot purchases
     */
    public record ContractView(UUID id, String council, String name, UUID lotId, List<UUID> providerIds,
            LocalDate startDate, LocalDate endDate, BigDecimal value, BigDecimal committed, BigDecimal spentToDate,
            BigDecimal offContractCommitted, BigDecimal committedPercentOfValue, SpendStatus status) {
    }

    @POST
    @Idempotent
    @Operation(summary = "Record a contract envelope for your council",
            description = "Its commitment is what call-off placements in the lot with its providers cost over its "
                    + "period. An alert is raised when it crosses the at-risk or overspent threshold of its value.")
    public Response create(@Valid @NotNull NewContractRequest request) {
        Contract contract = contracts.create(new ContractService.NewContract(
                request.council() == null ? caller.requirePartnerCouncil() : request.council(), request.name(),
                request.lotId(),
                request.providerIds(), request.startDate(), request.endDate(), Money.pence(request.value())));
        return Response.created(URI.create("/contracts/" + contract.id)).entity(view(contract)).build();
    }

    @GET
    @Operation(summary = "Your council's contracts, latest first, with their commitment, paged")
    public Page<ContractView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(contracts.list(caller.requirePartnerCouncil(), page), page.page, page.size, this::view);
    }

    @GET
    @Path("/{id}")
    public ContractView get(@PathParam("id") UUID id) {
        return view(contracts.get(id));
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Who recorded this contract, when")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        contracts.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }

    private ContractView view(Contract c) {
        Positions.ContractPosition p = contracts.position(c);
        return new ContractView(c.id, c.council, c.name, c.lotId, List.of(c.providerIds), c.startDate, c.endDate,
                Money.pounds(c.valuePence), Money.pounds(p.committed()), Money.pounds(p.spentToDate()),
                Money.pounds(p.offContractCommitted()), p.value() == 0 ? null : Money.percent(p.committed(), p.value()),
                thresholds.status(p.committed(), p.value()));
    }
}
