package uk.gov.dps.provider.domain;

/**
 * What a provider's contact is emailed about (dps.provider.contacts-changed.v1 carries these names). A closed set:
 * a new kind of notification joins one of these or is added here, with the event's schema.
 */
public enum ContactRole {
    /** Call-off invitations, their reminders, and awards: every provider needs at least one such contact. */
    REFERRALS,
    /** Placements made and ended, fee changes. */
    CONTRACTS,
    /** Documents (insurance, registration, policies) and quality (inspections, concerns, KPI returns). */
    COMPLIANCE
}
