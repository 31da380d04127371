package uk.gov.dps.provider.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.provider.domain.ContactRole;
import uk.gov.dps.provider.domain.Exclusion;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.provider.domain.Application;
import uk.gov.dps.provider.domain.ProviderDocument;
import uk.gov.dps.provider.service.ApplicationService;
import uk.gov.dps.provider.service.DocumentService;
import uk.gov.dps.provider.service.ExclusionService;
import uk.gov.dps.provider.service.MembershipService;
import uk.gov.dps.provider.service.ProviderService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/providers")
@Tag(name = "Providers")
public class ProviderResource {

    @Inject
    ProviderService providers;

    @Inject
    MembershipService memberships;

    @Inject
    ApplicationService applications;

    @Inject
    DocumentService documents;

    @Inject
    ExclusionService exclusions;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record RegisterProviderRequest(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "[A-Z]{0,2}[0-9]{6,7}", message = "must be an Ofsted URN such as SC123456") String ofstedUrn,
            @Pattern(regexp = "[0-9]-[0-9]{6,12}", message = "must be a CQC id such as 1-123456789") String cqcId,
            @Pattern(regexp = "[A-Z0-9]{8}", message = "must be 8 letters or digits") String companiesHouseNumber,
            @NotNull @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode")
            String postcode,
            @Size(max = 500) String address,
            @Size(max = 50) List<@Valid @NotNull ContactRequest> contacts) {
    }

    /** roles: what the contact is emailed about; left out, the contact receives every kind. */
    public record ContactRequest(@NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(min = 1, message = "must name at least one role, or be left out for all")
            List<@NotNull ContactRole> roles,
            @Size(max = 100) String jobTitle, @Size(max = 30) String phone) {

        Provider.Contact toContact() {
            return new Provider.Contact(name, email, roles, jobTitle, phone);
        }
    }

    public record ContactsRequest(@NotNull @Size(max = 50) List<@Valid @NotNull ContactRequest> contacts) {
    }

    public record ContactsView(UUID providerId, List<Provider.Contact> contacts) {

        static ContactsView of(Provider p) {
            return new ContactsView(p.id, List.copyOf(p.contacts));
        }
    }

    public record MembershipView(UUID lotId, List<String> categories, String tier, Membership.Status status,
            String suspendedReason, Instant admittedAt) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.lotId, List.of(m.categories), m.tier, m.status, m.suspendedReason,
                    m.admittedAt);
        }
    }

    public record ProviderView(UUID id, String name, String ofstedUrn, String cqcId, String companiesHouseNumber,
            String postcode, String address, List<Provider.Contact> contacts, Instant registeredAt,
            List<MembershipView> memberships) {

        static ProviderView of(Provider p, List<Membership> memberships) {
            return new ProviderView(p.id, p.name, p.ofstedUrn, p.cqcId, p.companiesHouseNumber, p.postcode, p.address,
                    List.copyOf(p.contacts), p.registeredAt, memberships.stream().map(MembershipView::of).toList());
        }
    }

    public record LotActionRequest(UUID lotId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record TierChangeRequest(@NotNull UUID lotId, @NotBlank @Size(max = 20) String tier,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record LotsAffected(UUID providerId, List<UUID> lotIds) {
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Register a provider organisation",
            description = "Publishes dps.provider.registered.v1, and dps.provider.contacts-changed.v1 when contacts "
                    + "are given (then at least one must have the role REFERRALS).")
    public Response register(@Valid @NotNull RegisterProviderRequest request) {
        Provider provider = providers.register(new ProviderService.Registration(request.name(), request.ofstedUrn(),
                request.cqcId(), request.companiesHouseNumber(), request.postcode(), request.address(),
                request.contacts() == null ? List.of()
                        : request.contacts().stream().map(ContactRequest::toContact).toList()),
                caller.asActor());
        return Response.created(URI.create("/providers/" + provider.id)).entity(ProviderView.of(provider, List.of()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.MONITORING_OFFICER, Roles.PROVIDER})
    @Operation(summary = "One provider organisation with its lot memberships; provider users see only their own")
    public ProviderView get(@PathParam("id") UUID id) {
        caller.requireOwnProviderIfProvider(id);
        return ProviderView.of(providers.get(id), memberships.of(id));
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.MONITORING_OFFICER})
    @Operation(summary = "Provider organisations by name, paged",
            description = "status=ACTIVE or SUSPENDED and/or lot=<lot id>: only members of lots in that state.")
    public Page<ProviderView> list(@QueryParam("status") String status, @QueryParam("lot") String lot,
            @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(Membership.Status.class, status, "status");
        List<Provider> rows = providers.list(wanted, QueryValues.optionalId(lot, "lot"), page);
        // one query for the whole page's memberships, not one per provider
        var byProvider = memberships.of(rows.stream().map(p -> p.id).toList());
        return Page.of(rows, page.page, page.size, p -> ProviderView.of(p, byProvider.getOrDefault(p.id, List.of())));
    }

    @PUT
    @Path("/{id}/contacts")
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER})
    @Operation(summary = "Replace the organisation's notification contacts",
            description = "Each contact has a name, an email and the roles it is emailed about: REFERRALS (call-off "
                    + "invitations, reminders, awards), CONTRACTS (placements, fee changes), COMPLIANCE (documents, "
                    + "quality); without roles, all three. At least one contact must have REFERRALS. Provider users "
                    + "change only their own. Publishes dps.provider.contacts-changed.v1 with the whole list.")
    public ContactsView replaceContacts(@PathParam("id") UUID id, @Valid @NotNull ContactsRequest request) {
        caller.requireOwnProviderIfProvider(id);
        return ContactsView.of(providers.replaceContacts(id,
                request.contacts().stream().map(ContactRequest::toContact).toList(), caller.asActor()));
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.MONITORING_OFFICER, Roles.PROVIDER})
    @Operation(summary = "The organisation's notification contacts; provider users see only their own")
    public ContactsView contacts(@PathParam("id") UUID id) {
        caller.requireOwnProviderIfProvider(id);
        return ContactsView.of(providers.get(id));
    }

    @POST
    @Path("/{id}/applications")
    @Idempotent
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER})
    @Operation(summary = "Apply to join a lot (and some of its categories)",
            description = "Refused when the lot is unknown, closed, or its DPS is not valid today. The commissioner "
                    + "must decide within 10 working days. Publishes dps.provider.application-submitted.v1.")
    public Response apply(@PathParam("id") UUID providerId, @Valid @NotNull ApplicationResource.ApplyRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        Application application = applications.submit(providerId, new ApplicationService.Submission(request.lotId(),
                request.categories().stream().map(c -> c.strip().toUpperCase()).toList(),
                request.requestedTier() == null ? null : request.requestedTier().strip().toUpperCase(),
                request.answers() == null ? List.of() : request.answers(),
                request.evidence() == null ? List.of() : request.evidence()), caller.asActor());
        return Response.created(URI.create("/applications/" + application.id))
                .entity(ApplicationResource.ApplicationView.of(application, applications.today())).build();
    }

    @GET
    @Path("/{id}/applications")
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER})
    @Operation(summary = "A provider's applications, newest first")
    public Page<ApplicationResource.ApplicationView> forProvider(@PathParam("id") UUID providerId, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        caller.requireOwnProviderIfProvider(providerId);
        providers.get(providerId); // 404 for an unknown provider, not an empty list
        var wanted = QueryValues.optionalEnum(Application.Status.class, status, "status");
        LocalDate today = applications.today();
        return Page.of(applications.forProvider(providerId, wanted, page), page.page, page.size,
                a -> ApplicationResource.ApplicationView.of(a, today));
    }

    @POST
    @Path("/{id}/suspensions")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Suspend the provider from new call-offs in one lot, or in all lots when lotId is absent",
            description = "Publishes dps.provider.suspended.v1.")
    public LotsAffected suspend(@PathParam("id") UUID id, @Valid @NotNull LotActionRequest request) {
        return new LotsAffected(id, memberships.suspend(id, Optional.ofNullable(request.lotId()), request.reason(),
                false, caller.asActor()));
    }

    @POST
    @Path("/{id}/reinstatements")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Lift a suspension in one lot, or in all lots when lotId is absent",
            description = "Publishes dps.provider.reinstated.v1.")
    public LotsAffected reinstate(@PathParam("id") UUID id, @Valid @NotNull LotActionRequest request) {
        return new LotsAffected(id, memberships.reinstate(id, Optional.ofNullable(request.lotId()), request.reason(),
                caller.asActor()));
    }

    @POST
    @Path("/{id}/tier-changes")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Move the provider to another tier of a tiered lot",
            description = "Publishes dps.provider.tier-changed.v1.")
    public MembershipView changeTier(@PathParam("id") UUID id, @Valid @NotNull TierChangeRequest request) {
        return MembershipView.of(memberships.changeTier(id, request.lotId(), request.tier().strip().toUpperCase(),
                request.reason(), caller.asActor()));
    }

    @POST
    @Path("/{id}/withdrawals")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PROVIDER})
    @Operation(summary = "End membership of one lot, or of all lots when lotId is absent",
            description = "Providers may withdraw their own organisation. Publishes dps.provider.withdrawn.v1.")
    public LotsAffected withdraw(@PathParam("id") UUID id, @Valid @NotNull LotActionRequest request) {
        caller.requireOwnProviderIfProvider(id);
        return new LotsAffected(id, memberships.withdraw(id, Optional.ofNullable(request.lotId()), request.reason(),
                caller.asActor()));
    }

    public record DocumentRequest(@NotNull ProviderDocument.Type type, @NotBlank @Size(max = 200) String reference,
            @Size(max = 500) String title, @NotNull LocalDate issuedOn, LocalDate expiresOn, LocalDate reviewOn) {
    }

    public record DocumentView(UUID id, ProviderDocument.Type type, boolean mandatory, String reference, String title,
            LocalDate issuedOn, LocalDate expiresOn, LocalDate reviewOn, Instant recordedAt, String recordedBy,
            boolean expired, boolean expiringSoon) {

        static DocumentView of(ProviderDocument d, LocalDate today, int warningDays) {
            return new DocumentView(d.id, d.type, d.type.mandatory, d.reference, d.title, d.issuedOn, d.expiresOn,
                    d.reviewOn, d.recordedAt, d.recordedBy, d.expiredOn(today), d.expiresWithin(today, warningDays));
        }
    }

    @POST
    @Path("/{id}/documents")
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Record the organisation's document of one type, replacing the current one of that type",
            description = "Insurance and registration need expiresOn; policies may give reviewOn instead. "
                    + "Publishes dps.provider.document-recorded.v1; an expiry within the warning period is "
                    + "announced once (dps.provider.document-expiring.v1).")
    public Response recordDocument(@PathParam("id") UUID providerId, @Valid @NotNull DocumentRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        ProviderDocument document = documents.record(providerId, new DocumentService.NewDocument(request.type(),
                request.reference(), request.title(), request.issuedOn(), request.expiresOn(), request.reviewOn()),
                caller.asActor());
        return Response.created(URI.create("/providers/" + providerId + "/documents"))
                .entity(DocumentView.of(document, documents.today(), documents.warningDays())).build();
    }

    @GET
    @Path("/{id}/documents")
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER, Roles.MONITORING_OFFICER})
    @Operation(summary = "The organisation's current documents, one per type, with whether each has expired")
    public List<DocumentView> documents(@PathParam("id") UUID providerId) {
        caller.requireOwnProviderIfProvider(providerId);
        LocalDate today = documents.today();
        return documents.of(providerId).stream().map(d -> DocumentView.of(d, today, documents.warningDays())).toList();
    }

    public record ExclusionRequest(@NotNull Exclusion.Ground ground, @NotBlank @Size(max = 4000) String reason,
            @NotNull LocalDate startsOn, @NotNull LocalDate endsOn, @Size(max = 200) String debarmentReference) {
    }

    public record EndExclusionRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    public record ExclusionView(UUID id, UUID providerId, Exclusion.Ground ground, String section, String reason,
            LocalDate startsOn, LocalDate endsOn, String debarmentReference, String recordedBy, String council,
            Instant recordedAt, LocalDate endedOn, String endReason, String endedBy, boolean appliesToday) {

        static ExclusionView of(Exclusion e, LocalDate today) {
            return new ExclusionView(e.id, e.providerId, e.ground, e.section, e.reason, e.startsOn, e.endsOn,
                    e.debarmentReference, e.recordedBy, e.recordedCouncil, e.recordedAt, e.endedOn, e.endReason,
                    e.endedBy, e.appliesOn(today));
        }
    }

    @POST
    @Path("/{id}/exclusions")
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Record the provider as excluded under the Procurement Act 2023 (s.57 or s.58)",
            description = "ground MANDATORY (s.57, Schedule 6) or DISCRETIONARY (s.58, Schedule 7); endsOn at most "
                    + "five years after startsOn; debarmentReference when it comes from the debarment list. While "
                    + "it applies the provider cannot be admitted to a lot of a PA2023 dynamic market, and it is "
                    + "suspended from the PA2023 lots it is in. Only a partner council's commissioner. Publishes "
                    + "dps.provider.excluded.v1 (and dps.provider.suspended.v1 per PA2023 lot).")
    public Response exclude(@PathParam("id") UUID id, @Valid @NotNull ExclusionRequest request) {
        String council = caller.requirePartnerCouncil();
        Exclusion exclusion = exclusions.exclude(id, new ExclusionService.NewExclusion(request.ground(),
                request.reason(), request.startsOn(), request.endsOn(), request.debarmentReference()), council,
                caller.asActor());
        return Response.created(URI.create("/providers/" + id + "/exclusions/" + exclusion.id))
                .entity(ExclusionView.of(exclusion, applications.today())).build();
    }

    @GET
    @Path("/{id}/exclusions")
    @RolesAllowed({Roles.COMMISSIONER, Roles.MONITORING_OFFICER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER})
    @Operation(summary = "The provider's exclusions, current and past; provider users see only their own")
    public List<ExclusionView> exclusions(@PathParam("id") UUID id) {
        caller.requireOwnProviderIfProvider(id);
        LocalDate today = applications.today();
        return exclusions.of(id).stream().map(e -> ExclusionView.of(e, today)).toList();
    }

    @POST
    @Path("/{id}/exclusions/{exclusionId}/end")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "End an exclusion before its end date, with the reason (e.g. self-cleaning, s.59)",
            description = "From today the provider may be admitted again; suspensions it caused stay until a "
                    + "commissioner reinstates. Publishes dps.provider.exclusion-ended.v1.")
    public ExclusionView endExclusion(@PathParam("id") UUID id, @PathParam("exclusionId") UUID exclusionId,
            @Valid @NotNull EndExclusionRequest request) {
        caller.requirePartnerCouncil();
        return ExclusionView.of(exclusions.end(id, exclusionId, request.reason(), caller.asActor()),
                applications.today());
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.COMMISSIONER, Roles.MONITORING_OFFICER, Roles.PROVIDER})
    @Operation(summary = "Every decision about the provider: who, when, what and why, oldest first")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        caller.requireOwnProviderIfProvider(id);
        providers.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
