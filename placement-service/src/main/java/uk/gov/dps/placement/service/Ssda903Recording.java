package uk.gov.dps.placement.service;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Ssda903Codes;
import uk.gov.dps.placement.domain.Ssda903Codes.Field;
import uk.gov.dps.runtime.ProblemException;

/**
 * Which SSDA903 codes a placement records, checked against the DfE's lists of the collection year they apply to:
 * the placement type and provider type from the start, why the episode ceased and why the child moved on from the
 * end. A code unknown or not valid that year is a 400 naming the field, the code and the year.
 */
@ApplicationScoped
public class Ssda903Recording {

    /** Independent providers bought from the market are private (PR4) unless the officer says voluntary (PR5). */
    static final String MARKET_PROVIDER = "PR4";

    /** REC X1: the episode ceases and a new one begins the same day, i.e. the child moves to another placement. */
    static final String MOVED_ON = "X1";

    public record PlacementCodes(String placementType, String placementProvider) {
    }

    /** What an end request says; {@code placementType} re-codes the placement when its code was withdrawn. */
    public record EndCodes(String reasonEpisodeCeased, String reasonPlaceChange, String placementType) {
    }

    /** The codes an end records, checked. */
    public record EndRecord(String placementType, String reasonEpisodeCeased, String reasonPlaceChange) {

        /** The reason as one code, for the end's reasonCode: REC for care placements, otherwise the change reason. */
        public String reasonCode() {
            return reasonEpisodeCeased != null ? reasonEpisodeCeased : reasonPlaceChange;
        }
    }

    private final Ssda903Codes codes = Ssda903Codes.get();

    /**
     * The placement type a lot's service type implies, or null when the service is not a care placement on its
     * own (a special school may be a residential school for a looked-after child, S1, or a day place for a child
     * who is not looked after: the officer says which).
     */
    public static String defaultPlacementType(String serviceType) {
        return switch (serviceType) {
            case "RESIDENTIAL" -> "K2"; // children's homes subject to the Children's Homes Regulations
            case "IFA" -> "U6"; // foster placement with other foster carers, not long term or FFA
            default -> null;
        };
    }

    /** At award or spot purchase: the codes given, else the defaults, valid in the collection year of the start. */
    public PlacementCodes forNewPlacement(String serviceType, String placementType, String placementProvider,
            LocalDate start) {
        String type = normalise(placementType);
        String provider = normalise(placementProvider);
        if (type == null) {
            type = defaultPlacementType(serviceType);
        }
        if (type == null) {
            if (provider != null) {
                throw ProblemException.badRequest("placementProvider", "is recorded for care placements only: give "
                        + "the placementType too");
            }
            return new PlacementCodes(null, null);
        }
        check("placementType", Field.PLACE, type, start);
        provider = provider == null ? MARKET_PROVIDER : provider;
        check("placementProvider", Field.PLACE_PROVIDER, provider, start);
        return new PlacementCodes(type, provider);
    }

    /**
     * At the end, all checked against the collection year of the end date. A care placement (one with a placement
     * type) needs the REC; a move to another placement (REC X1) needs the REASON_PLACE_CHANGE, and only a move
     * has one. A placement that is not a care placement (schooling, tuition) ends with the REASON_PLACE_CHANGE;
     * a REC is optional there. The placement type must still be valid that year, or be re-coded.
     */
    public EndRecord forEnd(Placement placement, EndCodes given, LocalDate endDate) {
        String rec = normalise(given.reasonEpisodeCeased());
        String change = normalise(given.reasonPlaceChange());
        String recoded = normalise(given.placementType());
        if (recoded != null && placement.placementType == null) {
            throw ProblemException.badRequest("placementType", "this placement is not a care placement: it has no "
                    + "placement type to re-code");
        }
        String type = recoded != null ? recoded : placement.placementType;
        if (type == null) {
            if (change == null) {
                throw ProblemException.badRequest("reasonPlaceChange", "give the SSDA903 REASON_PLACE_CHANGE code "
                        + "for why this placement ends");
            }
            if (rec != null) {
                check("reasonEpisodeCeased", Field.REC, rec, endDate);
            }
            check("reasonPlaceChange", Field.REASON_PLACE_CHANGE, change, endDate);
            return new EndRecord(null, rec, change);
        }
        codes.problem(Field.PLACE, type, endDate).ifPresent(problem -> {
            throw ProblemException.badRequest("placementType", problem + (recoded == null
                    ? ": re-code the placement with placementType on its end" : ""));
        });
        if (rec == null) {
            throw ProblemException.badRequest("reasonEpisodeCeased", "give the SSDA903 REC code for why this care "
                    + "placement's episode ceased (X1 when the child moves to another placement)");
        }
        check("reasonEpisodeCeased", Field.REC, rec, endDate);
        if (MOVED_ON.equals(rec)) {
            if (change == null) {
                throw ProblemException.badRequest("reasonPlaceChange", "give the SSDA903 REASON_PLACE_CHANGE code: "
                        + "the child moves to another placement (REC X1)");
            }
            check("reasonPlaceChange", Field.REASON_PLACE_CHANGE, change, endDate);
        } else if (change != null) {
            throw ProblemException.badRequest("reasonPlaceChange", "only for a move to another placement (REC X1); "
                    + "REC " + rec + " ends the episode");
        }
        return new EndRecord(type, rec, change);
    }

    /**
     * At the start: the placement type and provider type recorded at award must be valid in the collection year of
     * the actual start, which may have moved into a year where the code was withdrawn (e.g. Z1 from 2025-26).
     * 422 naming the code and the year; the award's codes are what the placement was agreed on.
     */
    public void checkAtStart(Placement placement, LocalDate startDate) {
        if (placement.placementType != null) {
            codes.problem(Field.PLACE, placement.placementType, startDate).ifPresent(problem -> {
                throw ProblemException.unprocessable(problem + ": the placement recorded at award cannot start on "
                        + startDate + " with it.");
            });
        }
        if (placement.placementProvider != null) {
            codes.problem(Field.PLACE_PROVIDER, placement.placementProvider, startDate).ifPresent(problem -> {
                throw ProblemException.unprocessable(problem + ": the placement recorded at award cannot start on "
                        + startDate + " with it.");
            });
        }
    }

    private void check(String requestField, Field field, String code, LocalDate day) {
        codes.problem(field, code, day).ifPresent(problem -> {
            throw ProblemException.badRequest(requestField, problem);
        });
    }

    static String normalise(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
