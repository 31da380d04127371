package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** provider-service as the portal calls it: the commissioner's queue of applications to the council's lots. */
@RegisterRestClient(configKey = ProviderService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ServiceErrors.Provider.class)
public interface ProviderService {

    String NAME = "provider-service";

    record Application(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            String status, Instant receivedAt, LocalDate dueOn, boolean extended, boolean overdue) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    @GET
    @Path("/applications")
    Page<Application> applications(@QueryParam("status") String status, @QueryParam("page") int page);

    // --- commissioners: one application and its decision; suspending and reinstating members ---------------

    record ApplicationDetail(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            String status, Instant receivedAt, LocalDate dueOn, boolean extended, String extensionJustification,
            boolean overdue, Instant decidedAt, String decidedBy, String decisionReasons) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    /** outcome ADMIT or REJECT; a rejection needs its reasons; tier only for a tiered lot. */
    record Decision(String outcome, String reasons, String tier) {
    }

    record Membership(UUID lotId, List<String> categories, String tier, String status, String suspendedReason,
            Instant admittedAt) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    record Provider(UUID id, String name, String ofstedUrn, String postcode, List<Membership> memberships) {

        public List<Membership> memberships() {
            return memberships == null ? List.of() : memberships;
        }
    }

    /** One lot (lotId), or every lot of the provider when lotId is null. */
    record LotAction(UUID lotId, String reason) {
    }

    record LotsAffected(UUID providerId, List<UUID> lotIds) {
    }

    @GET
    @Path("/applications/{id}")
    ApplicationDetail application(@PathParam("id") UUID id);

    @POST
    @Path("/applications/{id}/decision")
    ApplicationDetail decide(@PathParam("id") UUID id, Decision decision);

    @GET
    @Path("/providers/{id}")
    Provider provider(@PathParam("id") UUID id);

    @POST
    @Path("/providers/{id}/suspensions")
    LotsAffected suspend(@PathParam("id") UUID providerId, LotAction action);

    @POST
    @Path("/providers/{id}/reinstatements")
    LotsAffected reinstate(@PathParam("id") UUID providerId, LotAction action);

    // --- providers: their own organisation's documents ---------------------------------------------------

    record Document(UUID id, String type, boolean mandatory, String reference, String title, LocalDate issuedOn,
            LocalDate expiresOn, LocalDate reviewOn, Instant recordedAt, String recordedBy, boolean expired,
            boolean expiringSoon) {
    }

    record NewDocument(String type, String reference, String title, LocalDate issuedOn, LocalDate expiresOn,
            LocalDate reviewOn) {
    }

    @GET
    @Path("/providers/{id}/documents")
    List<Document> documents(@PathParam("id") UUID providerId);

    @POST
    @Path("/providers/{id}/documents")
    Document recordDocument(@PathParam("id") UUID providerId, @HeaderParam("Idempotency-Key") String key,
            NewDocument document);
}
