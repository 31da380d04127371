package uk.gov.dps.placement.domain;

import java.util.Comparator;
import java.util.List;

import uk.gov.dps.placement.domain.Projections.LotMember;

/**
 * The order in which a cascading call-off invites a tiered lot's members: TIER_1 first, then TIER_2, and so
 * on; members without a tier come last, as one more stage.
 */
public final class Tiers {

    public static final String UNTIERED = "UNTIERED";

    private static final Comparator<String> ORDER = Comparator.comparing((String t) -> t.equals(UNTIERED))
            .thenComparing(Comparator.naturalOrder());

    private Tiers() {
    }

    public static String of(LotMember member) {
        return member.tier == null ? UNTIERED : member.tier;
    }

    /** The distinct tiers of {@code members}, in cascade order. */
    public static List<String> inOrder(List<LotMember> members) {
        return members.stream().map(Tiers::of).distinct().sorted(ORDER).toList();
    }

    /** The first tier after {@code current} among {@code members}, or null when {@code current} was the last. */
    public static String after(String current, List<LotMember> members) {
        return inOrder(members).stream().filter(t -> ORDER.compare(t, current) > 0).findFirst().orElse(null);
    }
}
