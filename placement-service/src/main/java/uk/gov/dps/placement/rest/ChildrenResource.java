package uk.gov.dps.placement.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.placement.domain.ChildPackage;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Ssda903Codes.CollectionYear;
import uk.gov.dps.placement.service.ChildrenService;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

/**
 * A child's package across lots, linked by the council's own child reference, and the council's SSDA903
 * episodes. For the council's officers only: providers never see a child reference.
 */
@Path("/")
@Tag(name = "Children and the SSDA903 return")
public class ChildrenResource {

    static final String TEXT_CSV = "text/csv";
    static final MediaType TEXT_CSV_TYPE = MediaType.valueOf(TEXT_CSV);
    /** How many placements overlapping the year were left out of the report for want of a child reference. */
    static final String EXCLUDED_HEADER = "Excluded-Without-Child-Reference";

    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvSchema EPISODE_COLUMNS = CSV.schemaFor(EpisodeRow.class).withHeader();

    @Inject
    ChildrenService children;

    public record PackagePlacementView(UUID placementId, UUID lotId, String serviceType, String providerName,
            Placement.Status status, LocalDate startDate, String placementPattern, String placementType,
            BigDecimal weeklyTotal, List<ChildPackage.FunderShare> fundingShares) {
    }

    public record PackageView(String childReference, String council, LocalDate asOf,
            List<PackagePlacementView> placements, List<ChildPackage.FunderTotal> weeklyByFunder,
            BigDecimal weeklyTotal) {
    }

    /**
     * One SSDA903 episode row, named as the return names its fields. RNE and LS are not recorded on the platform
     * and are left out; HOME_POST_DISTRICT is the child's home postcode district from the referral (the platform
     * holds no full postcodes). DEC, REC and REASON_PLACE_CHANGE are blank for an episode still open at the end of
     * the year.
     */
    @JsonPropertyOrder({"CHILD", "DECOM", "PLACE", "PLACE_PROVIDER", "HOME_POST_DISTRICT", "DEC", "REC",
            "REASON_PLACE_CHANGE", "URN"})
    public record EpisodeRow(@JsonProperty("CHILD") String child, @JsonProperty("DECOM") LocalDate decom,
            @JsonProperty("PLACE") String place, @JsonProperty("PLACE_PROVIDER") String placeProvider,
            @JsonProperty("HOME_POST_DISTRICT") String homePostDistrict, @JsonProperty("DEC") LocalDate dec,
            @JsonProperty("REC") String rec, @JsonProperty("REASON_PLACE_CHANGE") String reasonPlaceChange,
            @JsonProperty("URN") String urn) {

        static EpisodeRow of(ChildrenService.Episode e) {
            Placement p = e.placement();
            return new EpisodeRow(p.childReference, p.startDate, p.placementType, p.placementProvider,
                    e.homePostcodeDistrict(), e.endedInYear() ? p.endDate : null,
                    e.endedInYear() ? p.reasonEpisodeCeased : null, e.endedInYear() ? p.reasonPlaceChange : null,
                    e.urn());
        }
    }

    public record EpisodesReport(int year, String collectionYear, LocalDate from, LocalDate to,
            List<EpisodeRow> episodes, long excludedWithoutChildReference) {
    }

    @GET
    @Path("children/{childReference}/package")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.FINANCE_OFFICER})
    @Operation(summary = "One child's current placements across lots and their weekly cost per funder",
            description = "The child is your council's reference (given on the referral or the spot purchase); "
                    + "another council's reference is another child. Current: awarded or started, not ended. Each "
                    + "placement's weekly fee in force today is split by its funding shares to the penny. 404 when "
                    + "your council has no referral or placement for the reference.")
    public PackageView childPackage(@PathParam("childReference") String childReference) {
        if (!childReference.matches(ReferralResource.CHILD_REFERENCE)) {
            throw ProblemException.badRequest("childReference", ReferralResource.CHILD_REFERENCE_RULE);
        }
        ChildrenService.Package p = children.childPackage(childReference);
        return new PackageView(p.childReference(), p.council(), p.asOf(), p.placements().stream()
                .map(c -> new PackagePlacementView(c.placement().id, c.placement().lotId, c.placement().serviceType,
                        c.placement().providerName, c.placement().status, c.placement().startDate != null
                                ? c.placement().startDate : c.placement().plannedStart,
                        c.placement().placementPattern, c.placement().placementType, c.weeklyTotal(), c.funders()))
                .toList(), p.weeklyByFunder(), p.weeklyTotal());
    }

    @GET
    @Path("reports/ssda903-episodes")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.FINANCE_OFFICER})
    @Operation(summary = "Your council's SSDA903 episodes of a collection year, as JSON or CSV (Accept: text/csv)",
            description = "year=2025 is 1 April 2025 to 31 March 2026. Every care placement (one with a placement "
                    + "type) that started and overlaps the year, by child and start date; no names. Placements "
                    + "without a child reference are left out and counted (excludedWithoutChildReference; in CSV the "
                    + EXCLUDED_HEADER + " header).")
    public Response episodes(@QueryParam("year") String year, @Context HttpHeaders headers) {
        CollectionYear collectionYear = new CollectionYear(parseYear(year));
        ChildrenService.Episodes episodes = children.episodes(collectionYear);
        List<EpisodeRow> rows = episodes.episodes().stream().map(EpisodeRow::of).toList();
        if (wantsCsv(headers)) {
            try {
                return Response.ok(CSV.writer(EPISODE_COLUMNS).writeValueAsString(rows), TEXT_CSV + "; charset=UTF-8")
                        .header(EXCLUDED_HEADER, episodes.withoutChildReference())
                        .header("Content-Disposition", "attachment; filename=\"ssda903-episodes-"
                                + collectionYear.label() + ".csv\"")
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Response.ok(new EpisodesReport(collectionYear.startYear(), collectionYear.label(),
                collectionYear.firstDay(), collectionYear.lastDay(), rows, episodes.withoutChildReference()),
                MediaType.APPLICATION_JSON).header(EXCLUDED_HEADER, episodes.withoutChildReference()).build();
    }

    private static int parseYear(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw ProblemException.badRequest("year", "give the year the financial year starts in, e.g. 2025 for "
                    + "April 2025 to March 2026");
        }
        int value = Integer.parseInt(year);
        if (value < 1900 || value > 2198) {
            throw ProblemException.badRequest("year", "must be between 1900 and 2198");
        }
        return value;
    }

    /** CSV when the client's most preferred type it names is text/csv rather than JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (wanted.isCompatible(TEXT_CSV_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
