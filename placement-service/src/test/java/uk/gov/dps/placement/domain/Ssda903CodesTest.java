package uk.gov.dps.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.gov.dps.placement.domain.Ssda903Codes.CollectionYear;
import uk.gov.dps.placement.domain.Ssda903Codes.Field;

/** The DfE's code lists as published for each collection year (1 April to 31 March), read from the copied files. */
class Ssda903CodesTest {

    private static final Ssda903Codes CODES = Ssda903Codes.get();
    private static final LocalDate LAST_DAY_2024_25 = LocalDate.of(2025, 3, 31);
    private static final LocalDate FIRST_DAY_2025_26 = LocalDate.of(2025, 4, 1);

    @Test
    void aCollectionYearRunsFromAprilToMarch() {
        assertThat(CollectionYear.of(LAST_DAY_2024_25).label()).isEqualTo("2024-25");
        assertThat(CollectionYear.of(FIRST_DAY_2025_26).label()).isEqualTo("2025-26");
        assertThat(new CollectionYear(2025).firstDay()).isEqualTo(FIRST_DAY_2025_26);
        assertThat(new CollectionYear(2025).lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(new CollectionYear(1999).label()).isEqualTo("1999-00");
    }

    @Test
    void placementTypesWithdrawnFrom2025To26AreValidUpToTheLastDayOf2024To25() {
        for (String withdrawn : new String[] {"Z1", "H5", "P2"}) {
            assertThat(CODES.validOn(Field.PLACE, withdrawn, LAST_DAY_2024_25)).as(withdrawn).isTrue();
            assertThat(CODES.validOn(Field.PLACE, withdrawn, FIRST_DAY_2025_26)).as(withdrawn).isFalse();
        }
        assertThat(CODES.problem(Field.PLACE, "Z1", FIRST_DAY_2025_26)).contains(
                "PLACE code Z1 is not valid in collection year 2025-26 (withdrawn after 2024-25)");
        assertThat(CODES.problem(Field.PLACE, "Z1", LAST_DAY_2024_25)).isEmpty();
    }

    @Test
    void placementTypesAddedFrom2025To26AreValidFromItsFirstDay() {
        for (String added : new String[] {"Z11", "Z12", "Z13", "Z14"}) {
            assertThat(CODES.validOn(Field.PLACE, added, LAST_DAY_2024_25)).as(added).isFalse();
            assertThat(CODES.validOn(Field.PLACE, added, FIRST_DAY_2025_26)).as(added).isTrue();
        }
        assertThat(CODES.problem(Field.PLACE, "Z11", LAST_DAY_2024_25)).contains(
                "PLACE code Z11 is not valid in collection year 2024-25 (valid from 2025-26)");
        // the DfE's meanings of Z11-Z14 were in no open source: known codes without a meaning of ours
        assertThat(CODES.meaning(Field.PLACE, "Z11")).isEmpty();
    }

    @Test
    void registeredSupportedAccommodationK3IsValidFrom2024To25() {
        assertThat(CODES.validOn(Field.PLACE, "K3", LocalDate.of(2024, 3, 31))).isFalse();
        assertThat(CODES.validOn(Field.PLACE, "K3", LocalDate.of(2024, 4, 1))).isTrue();
        assertThat(CODES.meaning(Field.PLACE, "K3")).contains("Registered supported accommodation");
    }

    @Test
    void unknownCodesAreNamedWithTheYear() {
        assertThat(CODES.problem(Field.REC, "E99", FIRST_DAY_2025_26))
                .contains("E99 is not an SSDA903 REC code (collection year 2025-26)");
        // codes are case-sensitive as the DfE publishes them; callers normalise first
        assertThat(CODES.validOn(Field.REC, "e11", FIRST_DAY_2025_26)).isFalse();
        // a field's code is not another field's: PLACE is a reason for a change, not a placement type
        assertThat(CODES.validOn(Field.REASON_PLACE_CHANGE, "PLACE", FIRST_DAY_2025_26)).isTrue();
        assertThat(CODES.validOn(Field.PLACE, "CARPL", FIRST_DAY_2025_26)).isFalse();
    }

    @Test
    void theListsCarryTheDfesCodesAndMeanings() {
        assertThat(CODES.codes(Field.REC, FIRST_DAY_2025_26)).hasSize(22).contains("X1", "E11", "E4A", "E8");
        assertThat(CODES.meaning(Field.REC, "E2")).contains("Died");
        assertThat(CODES.codes(Field.PLACE_PROVIDER, FIRST_DAY_2025_26))
                .containsExactly("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");
        assertThat(CODES.meaning(Field.PLACE_PROVIDER, "PR4")).contains("Private provision");
        assertThat(CODES.codes(Field.REASON_PLACE_CHANGE, FIRST_DAY_2025_26)).hasSize(12).contains("CARPL", "ALLEG");
        assertThat(CODES.meaning(Field.PLACE, "K2")).contains("Children’s Homes subject to Children’s Homes Regulations");
        assertThat(CODES.codes(Field.PLACE, LAST_DAY_2024_25)).hasSize(28).doesNotContain("Z11");
        assertThat(CODES.codes(Field.PLACE, FIRST_DAY_2025_26)).hasSize(29).doesNotContain("Z1");
    }

    @Test
    void yearsOutsideTheTableUseTheNearestYearItHolds() {
        // the demo runs in 2018-19: the earliest lists held (2022-23) apply, so K3 (from 2024-25) is not valid yet
        assertThat(CODES.listYear(LocalDate.of(2019, 3, 4))).isEqualTo(new CollectionYear(2022));
        assertThat(CODES.validOn(Field.PLACE, "Z1", LocalDate.of(2019, 3, 4))).isTrue();
        assertThat(CODES.validOn(Field.PLACE, "K3", LocalDate.of(2019, 3, 4))).isFalse();
        assertThat(CODES.listYear(LocalDate.of(2031, 6, 1))).isEqualTo(new CollectionYear(2026));
        assertThat(CODES.validOn(Field.PLACE, "Z1", LocalDate.of(2031, 6, 1))).isFalse();
    }
}
