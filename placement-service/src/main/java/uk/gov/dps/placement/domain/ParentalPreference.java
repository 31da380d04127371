package uk.gov.dps.placement.domain;

/**
 * The parents' preference for a special school, recorded as what it is: the school and what makes it binding.
 * Under the Children and Families Act 2014 (s38/s39) the council must name the school the parents ask for unless
 * it is unsuitable or incompatible with others' education or the efficient use of resources; a school so named is
 * the award's recorded basis instead of a County Resourcing Panel approval ({@link PanelRule}).
 */
public record ParentalPreference(String school, Basis basis) {

    public enum Basis {
        /** The school is named in section I of the child's Education, Health and Care plan. */
        EHCP_NAMED_SCHOOL,
        /** The parents asked for the school (s38(2)(b)) and the council agreed, before the plan is finalised. */
        PARENTAL_REQUEST,
        /** The First-tier Tribunal (SEND) ordered the school to be named. */
        TRIBUNAL_ORDER
    }
}
