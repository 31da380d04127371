package uk.gov.dps.events.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code dps.referral.raised.v1}: a council needs a placement for one child (minimal data, no names). */
public record ReferralRaised(UUID referralId, String council, UUID lotId, String category, String ageBand, String sex,
        List<String> needs, String postcodeDistrict, boolean emergency, LocalDate wantedStart,
        String placementPattern, Instant raisedAt) {
}
