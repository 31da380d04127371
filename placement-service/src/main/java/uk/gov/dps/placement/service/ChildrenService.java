package uk.gov.dps.placement.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.placement.domain.ChildPackage;
import uk.gov.dps.placement.domain.FeeChange;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.ProviderRegistration;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Ssda903Codes.CollectionYear;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * One child's placements across lots, linked by the council's own child reference, and the council's SSDA903
 * episodes of a year. Always the caller's council only: the same reference in another council is another child.
 */
@ApplicationScoped
public class ChildrenService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** A current placement with its weekly fee in force today and what each funder pays of it. */
    public record PackagePlacement(Placement placement, BigDecimal weeklyTotal, List<ChildPackage.FunderShare> funders) {
    }

    public record Package(String childReference, String council, LocalDate asOf, List<PackagePlacement> placements,
            List<ChildPackage.FunderTotal> weeklyByFunder, BigDecimal weeklyTotal) {
    }

    /** An SSDA903 episode: one care placement of one child within the year. */
    public record Episode(Placement placement, String homePostcodeDistrict, String urn, boolean endedInYear) {
    }

    public record Episodes(CollectionYear year, List<Episode> episodes, long withoutChildReference) {
    }

    /**
     * The child's current (awarded or started, not ended) placements and their combined weekly cost per funder;
     * 404 when the caller's council has no referral or placement for this reference.
     */
    public Package childPackage(String childReference) {
        String council = caller.requirePartnerCouncil();
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.UK));
        List<Placement> current = Placement.list("council = ?1 and childReference = ?2 and status <> ?3 "
                + "order by awardedAt, id", council, childReference, Placement.Status.ENDED);
        if (current.isEmpty() && Placement.count("council = ?1 and childReference = ?2", council, childReference) == 0
                && Referral.count("council = ?1 and childReference = ?2", council, childReference) == 0) {
            throw ProblemException.notFound("Child", childReference);
        }
        List<PackagePlacement> placements = new ArrayList<>();
        for (Placement p : current) {
            BigDecimal weekly = FeeChange.<FeeChange>list("placementId = ?1 and effectiveFrom <= ?2 "
                    + "order by effectiveFrom, id", p.id, today).stream().reduce((a, b) -> b).map(c -> c.fee.total())
                    .orElse(p.fee.total());
            placements.add(new PackagePlacement(p, weekly, ChildPackage.split(weekly, p.fundingShares)));
        }
        List<ChildPackage.FunderTotal> byFunder = ChildPackage.byFunder(placements.stream()
                .map(PackagePlacement::funders).toList());
        BigDecimal total = placements.stream().map(PackagePlacement::weeklyTotal).reduce(new BigDecimal("0.00"),
                BigDecimal::add);
        return new Package(childReference, council, today, placements, byFunder, total);
    }

    /**
     * The caller's council's care placements (those with an SSDA903 placement type) that started and overlap the
     * collection year, by child and start. Placements without a child reference cannot be reported (the return is
     * per child): they are left out and counted.
     */
    public Episodes episodes(CollectionYear year) {
        String council = caller.requirePartnerCouncil();
        String overlapping = "council = ?1 and placementType is not null and startDate is not null "
                + "and startDate <= ?2 and (endDate is null or endDate >= ?3)";
        long without = Placement.count(overlapping + " and childReference is null", council, year.lastDay(),
                year.firstDay());
        List<Placement> placements = Placement.list(overlapping + " and childReference is not null "
                + "order by childReference, startDate, id", council, year.lastDay(), year.firstDay());
        Set<UUID> referralIds = placements.stream().map(p -> p.referralId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<UUID, Referral> referrals = referralIds.isEmpty() ? Map.of()
                : Referral.<Referral>list("id in ?1", referralIds).stream()
                        .collect(Collectors.toMap(r -> r.id, Function.identity()));
        Set<UUID> providerIds = placements.stream().map(p -> p.providerId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<UUID, String> urns = providerIds.isEmpty() ? Map.of()
                : ProviderRegistration.<ProviderRegistration>list("providerId in ?1 and ofstedUrn is not null",
                        providerIds).stream().collect(Collectors.toMap(r -> r.providerId, r -> r.ofstedUrn));
        List<Episode> episodes = placements.stream().map(p -> new Episode(p,
                p.referralId == null || referrals.get(p.referralId) == null ? null
                        : referrals.get(p.referralId).postcodeDistrict,
                p.providerId == null ? null : urns.get(p.providerId),
                p.endDate != null && !p.endDate.isAfter(year.lastDay()))).toList();
        return new Episodes(year, episodes, without);
    }
}
