package uk.gov.dps.transparency.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.transparency.domain.NoticeStatus;
import uk.gov.dps.transparency.service.Notices;

/**
 * The Procurement Act 2023 notices dynamic markets owe, with due dates: anyone may read them ({@code status=DUE_SOON}
 * or {@code OVERDUE} is the alert list for operations and commissioners); a commissioner of one of the market's
 * councils records where a notice was published.
 */
@Path("/notices")
@Tag(name = "Procurement Act notices")
public class NoticeResource {

    public record Publication(@NotBlank @Size(max = 100) String reference, @NotNull LocalDate publishedOn) {
    }

    @Inject
    Notices notices;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @GET
    @PermitAll
    @Operation(summary = "Notices owed, soonest due first; status=DUE_SOON|OVERDUE lists those that need action")
    public List<Notices.Notice> list(@QueryParam("status") String status, @QueryParam("dps") String dps) {
        return notices.list(Optional.ofNullable(status).map(NoticeResource::status),
                Optional.ofNullable(dps).map(NoticeResource::dpsId));
    }

    @PUT
    @Path("/{id}/publication")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Records where and when the notice was published (a commissioner of the market's councils)")
    public Notices.Notice published(@PathParam("id") UUID id, @Valid @NotNull Publication publication) {
        Notices.Notice notice = notices.find(id).orElseThrow(() -> ProblemException.notFound("notice", id));
        String council = caller.requirePartnerCouncil();
        if (!notice.councils().contains(council)) {
            throw ProblemException.forbidden("Only a commissioner of " + String.join(", ", notice.councils())
                    + " may record this notice's publication.");
        }
        if (publication.publishedOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("publishedOn", "must not be in the future");
        }
        notices.published(id, publication.reference().trim(), publication.publishedOn(), caller.name());
        return notices.find(id).orElseThrow();
    }

    private static NoticeStatus status(String text) {
        try {
            return NoticeStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + Arrays.toString(NoticeStatus.values()));
        }
    }

    private static UUID dpsId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("dps", "must be a DPS id (a UUID)");
        }
    }
}
