package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.util.UUID;

/** How an invitation stands for the invited provider, and what it may learn of the decision. */
public final class Inbox {

    /** Where an invitation stands, from the invited provider's side; the first that applies, in this order. */
    public enum Status {
        /** The referral was awarded or closed. */
        CLOSED,
        /** The provider offered or declined. */
        RESPONDED,
        /** The deadline passed without an answer. */
        EXPIRED,
        /** Not answered, deadline not passed. */
        OPEN
    }

    /**
     * The decision as the provider may know it: awarded to it, or not. An unsuccessful provider never learns who
     * won nor at what price.
     */
    public enum Outcome {
        AWARDED, NOT_SUCCESSFUL
    }

    /** Referrals that take no more responses: awarded, or closed without award (cancelled, unmet). */
    public static final java.util.Set<Referral.Status> DECIDED = java.util.EnumSet.of(Referral.Status.AWARDED,
            Referral.Status.CLOSED, Referral.Status.CANCELLED, Referral.Status.UNMET);

    private Inbox() {
    }

    public static boolean decided(Referral referral) {
        return DECIDED.contains(referral.status);
    }

    /** @param response the provider's own response, or null */
    public static Status status(Referral referral, Invitation invitation, Response response, Instant now) {
        if (decided(referral)) {
            return Status.CLOSED;
        }
        if (response != null) {
            return Status.RESPONDED;
        }
        return now.isAfter(invitation.respondBy) ? Status.EXPIRED : Status.OPEN;
    }

    /** @param winner the provider the referral was awarded to, or null; null until the referral is decided */
    public static Outcome outcome(Referral referral, UUID winner, UUID provider) {
        // cancelled or unmet: nobody won, so there is no outcome to tell
        if (!decided(referral) || referral.status == Referral.Status.CANCELLED
                || referral.status == Referral.Status.UNMET) {
            return null;
        }
        return provider.equals(winner) ? Outcome.AWARDED : Outcome.NOT_SUCCESSFUL;
    }
}
