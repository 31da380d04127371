package uk.gov.dps.events.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of one setting a provider runs (a children's home, a fostering agency's office, a school) after it
 * was registered or changed ({@code dps.provider.setting-registered.v1}, {@code dps.provider.setting-changed.v1}),
 * so a consumer keeps its copy from the latest event of each setting alone. The address stays in provider-service:
 * children's homes' addresses are not published, so the event carries the postcode district only.
 */
public record SettingSnapshot(
        UUID settingId,
        UUID providerId,
        String name,
        String kind,
        String ofstedUrn,
        String dfeNumber,
        String postcodeDistrict,
        String country,
        int registeredPlaces,
        Profile profile,
        OwnerGroup ownerGroup,
        boolean forProfit,
        boolean active,
        Instant changedAt) {

    /**
     * What the setting's Statement of Purpose says it can do: ages (inclusive), sexes (FEMALE, MALE, as referrals
     * say), the referral needs it can meet, whether it takes emergency admissions and offers solo placements.
     */
    public record Profile(int minAge, int maxAge, List<String> sexes, List<String> needs, boolean emergencyAdmissions,
            boolean soloPlacement, LocalDate statementOfPurposeDate) {
    }

    /** The company group that owns the setting, when it has one: its parent's name and Companies House number. */
    public record OwnerGroup(String name, String companiesHouseNumber) {
    }
}
