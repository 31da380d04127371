package uk.gov.dps.notification.domain;

import java.util.Optional;

/**
 * What a notification is about. Each kind a provider hears of goes to the provider's contacts of one
 * {@link ContactKind}; council kinds go to team mailboxes. Users choose by kind what they also want by email.
 */
public enum NotificationKind {

    INVITATION(ContactKind.REFERRALS, "A new referral you are invited to offer for"),
    DEADLINE_REMINDER(ContactKind.REFERRALS, "A referral you have not answered closes soon"),
    OFFER_AWARDED(ContactKind.REFERRALS, "Your offer won a placement"),
    OFFER_NOT_SUCCESSFUL(ContactKind.REFERRALS, "Your offer was not successful"),
    APPLICATION_RECEIVED(null, "A provider applied to join a lot"),
    APPLICATION_DUE_SOON(null, "A provider's application must be decided soon"),
    APPLICATION_OVERDUE(null, "A provider's application is past its decision date"),
    EXEMPTION_EXPIRING(null, "An exemption to buy off the DPS ends soon"),
    SPEND_THRESHOLD_CROSSED(null, "A budget or contract crossed a spend threshold"),
    RISK_RATING_CHANGED(ContactKind.COMPLIANCE, "A provider caring for your children is rated red or amber"),
    DOCUMENT_EXPIRING(ContactKind.COMPLIANCE, "A provider document expires soon"),
    DOCUMENT_EXPIRED(ContactKind.COMPLIANCE, "A mandatory provider document has expired"),
    FEE_CHANGE_REQUESTED(ContactKind.CONTRACTS, "A provider asked to change a placement's fee"),
    FEE_CHANGE_DECIDED(ContactKind.CONTRACTS, "Your fee change request was decided"),
    PANEL_REQUEST(null, "An award waits for the County Resourcing Panel"),
    PANEL_DECIDED(null, "The County Resourcing Panel decided an award"),
    REFERRAL_CLOSED(ContactKind.REFERRALS, "A referral you were invited to was cancelled");

    /** The kinds of provider contact (provider-service's contact kinds). */
    public enum ContactKind {
        REFERRALS, CONTRACTS, COMPLIANCE
    }

    private final ContactKind contactKind;
    private final String description;

    NotificationKind(ContactKind contactKind, String description) {
        this.contactKind = contactKind;
        this.description = description;
    }

    /** Which of a provider's contacts get it by email, when it is addressed to a provider. */
    public Optional<ContactKind> contactKind() {
        return Optional.ofNullable(contactKind);
    }

    public String description() {
        return description;
    }
}
