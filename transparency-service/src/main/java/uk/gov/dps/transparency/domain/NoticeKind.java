package uk.gov.dps.transparency.domain;

/**
 * The Procurement Act 2023 notices a dynamic market owes (DOMAIN.md; PA 2023 ss.39, 53 and the light-touch rules):
 * <ul>
 * <li>DYNAMIC_MARKET_ESTABLISHMENT: the market exists once its notice is published, so it is due by the first day
 * of its validity;</li>
 * <li>DYNAMIC_MARKET_CESSATION: due on the last day of its validity;</li>
 * <li>TENDER: a competitive award by reference to the market needs its own tender notice, due when the
 * competition (the call-off) is issued, or on the award day where the call-off was not seen;</li>
 * <li>CONTRACT_DETAILS: children's placements are light-touch services, so within 120 days of entering into the
 * contract (the award).</li>
 * </ul>
 * Modification notices are not tracked: lot-service refuses a change of a market's conditions without the
 * reference of its published notice.
 */
public enum NoticeKind {
    DYNAMIC_MARKET_ESTABLISHMENT, DYNAMIC_MARKET_CESSATION, TENDER, CONTRACT_DETAILS;

    public static final int LIGHT_TOUCH_CONTRACT_DETAILS_DAYS = 120;
}
