package uk.gov.dps.demo;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The demo providers' settings (homes, fostering offices, a school) with their Statement of Purpose profiles, owner
 * groups and live vacancies, from {@code demo/settings.json}: for matching (a home registered for ages 8-12 only),
 * distance (homes in and out of Cambridgeshire, some more than 20 miles from Huntingdon, one in Wales), owner-group
 * exposure (a group owning several homes used by Cambridgeshire and Peterborough) and emergency capacity.
 */
public final class DemoSettings {

    /** One setting of the provider {@code providerKey} (a key of providers.csv) and the vacancies it declares. */
    public record SettingPlan(String key, String providerKey, String name, String kind, String ofstedUrn,
            String dfeNumber, String postcode, int registeredPlaces, int minAge, int maxAge, List<String> sexes,
            List<String> needs, boolean emergencyAdmissions, boolean soloPlacement, LocalDate statementOfPurposeDate,
            OwnerGroup ownerGroup, boolean forProfit, List<VacancyPlan> vacancies) {
    }

    public record OwnerGroup(String name, String companiesHouseNumber) {
    }

    /**
     * A vacancy, available {@code fromDaysAfterLoad} days after the platform's date; {@code confirm} false: the
     * provider never confirms it, so it shows as stale 7 days after it was declared.
     */
    public record VacancyPlan(String key, int places, int fromDaysAfterLoad, Integer minAge, Integer maxAge,
            List<String> needs, boolean emergency, boolean confirm) {
    }

    static final String FILE = "settings.json";

    private DemoSettings() {
    }

    public static List<SettingPlan> read() {
        return DemoData.Files.json(FILE, new TypeReference<List<SettingPlan>>() {
        });
    }
}
