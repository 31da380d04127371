package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.ChargeableTime;
import uk.gov.dps.spend.domain.CommitmentQuote;
import uk.gov.dps.spend.domain.FundingSplit;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.PlacementPattern;
import uk.gov.dps.spend.domain.TermCalendar;
import uk.gov.dps.spend.domain.YearCharges;
import uk.gov.dps.spend.service.Positions;

/**
 * What a placement would commit before it is awarded: the commitment ledger's own rules on terms a placement
 * officer is weighing. Reads nothing of any council and stores nothing.
 */
@Path("/quotes")
@Tag(name = "Quotes")
@RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.FINANCE_OFFICER, Roles.COMMISSIONER, Roles.PANEL})
public class QuoteResource {

    @Inject
    TermCalendar calendar;

    @Inject
    Positions positions;

    /** A funding share as an award gives it: a stream and a percentage with at most two decimals. */
    public record ShareRequest(@NotNull FundingStream stream,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3,
                    fraction = 2) BigDecimal percent) {
    }

    /**
     * @param endDate the last day paid for; absent for an open-ended placement
     */
    public record QuoteRequest(
            @NotNull @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal weeklyFee,
            @NotNull PlacementPattern placementPattern,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotEmpty @Size(max = 3) List<@Valid @NotNull ShareRequest> fundingShares) {
    }

    public record StreamCommitment(FundingStream stream, BigDecimal percent, BigDecimal committed) {
    }

    /**
     * @param chargeableWeeks the weeks' worth of fee the year charges (days of a 38-week or day placement count
     *                        as their fraction of a week), to two decimals
     */
    public record YearQuote(int financialYear, String financialYearLabel, BigDecimal committed,
            BigDecimal chargeableWeeks, List<StreamCommitment> byFundingStream) {
    }

    public record Quote(BigDecimal weeklyFee, PlacementPattern placementPattern, LocalDate startDate,
            LocalDate endDate, BigDecimal committed, List<StreamCommitment> byFundingStream,
            List<YearQuote> byFinancialYear) {
    }

    @POST
    @Operation(summary = "What a placement would commit, per funder and financial year, before it is awarded",
            description = "Computed by the same rules as the commitments of awarded placements: each chargeable day "
                    + "(every day for WEEKS_52, term days for WEEKS_38, school days for DAY, by the configured term "
                    + "calendar) costs its fraction of the weekly fee, each financial year is rounded to the penny "
                    + "once and split between the funders by the largest remainder. An award on the same terms "
                    + "commits exactly this. An open-ended placement is quoted up to the end of the next financial "
                    + "year, as commitments are kept. At most " + CommitmentQuote.MAX_YEARS + " financial years. "
                    + "Nothing is stored.")
    public Quote quote(@Valid @NotNull QuoteRequest request) {
        FundingSplit split = split(request.fundingShares());
        CommitmentQuote quote;
        try {
            quote = CommitmentQuote.of(request.placementPattern(), request.startDate(), request.endDate(),
                    Money.pence(request.weeklyFee()), split, positions.today(), calendar);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        List<YearQuote> years = new ArrayList<>();
        for (YearCharges year : quote.years()) {
            years.add(new YearQuote(year.year().startYear(), year.year().label(), Money.pounds(year.committed()),
                    BigDecimal.valueOf(year.weekUnits()).divide(BigDecimal.valueOf(ChargeableTime.UNITS_PER_WEEK), 2,
                            RoundingMode.HALF_UP),
                    byStream(split, year::committed)));
        }
        return new Quote(request.weeklyFee(), request.placementPattern(), request.startDate(), request.endDate(),
                Money.pounds(quote.committed()), byStream(split, quote::committed), years);
    }

    private static FundingSplit split(List<ShareRequest> shares) {
        try {
            return new FundingSplit(shares.stream().map(s -> new FundingSplit.Share(s.stream(),
                    s.percent().movePointRight(2).intValueExact())).toList());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
    }

    private static List<StreamCommitment> byStream(FundingSplit split,
            ToLongFunction<FundingStream> committed) {
        return split.streams().stream()
                .map(s -> new StreamCommitment(s, split.percentOf(s), Money.pounds(committed.applyAsLong(s))))
                .toList();
    }
}
