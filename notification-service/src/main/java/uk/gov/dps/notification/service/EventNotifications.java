package uk.gov.dps.notification.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.ExemptionExpiring;
import uk.gov.dps.events.placement.FeeChangeDecided;
import uk.gov.dps.events.placement.FeeChangeRequested;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.events.placement.PanelDecided;
import uk.gov.dps.events.placement.PanelRequested;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.ReferralCancelled;
import uk.gov.dps.events.provider.ApplicationDueSoon;
import uk.gov.dps.events.provider.ApplicationOverdue;
import uk.gov.dps.events.provider.ApplicationSubmitted;
import uk.gov.dps.events.provider.ProviderDocumentExpired;
import uk.gov.dps.events.provider.ProviderDocumentExpiring;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.events.spend.ThresholdCrossed;
import uk.gov.dps.messaging.IncomingEvent;
import uk.gov.dps.notification.config.ReminderConfig;
import uk.gov.dps.notification.domain.Audience;
import uk.gov.dps.notification.domain.NotificationKind;
import uk.gov.dps.notification.domain.ReminderSchedule;
import uk.gov.dps.notification.service.Notifier.Message;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.Roles;

/**
 * Who is told what of each event. Messages to providers carry the minimal profile only (council, lot, category,
 * deadline: never a child's name), and a provider's outcome never names another provider or a price.
 */
@ApplicationScoped
public class EventNotifications {

    private static final Logger LOG = Logger.getLogger(EventNotifications.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma 'on' EEEE d MMMM yyyy",
            Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Inject
    Notifier notifier;

    @Inject
    Directory directory;

    @Inject
    PartnerCouncils councils;

    @Inject
    ReminderConfig reminders;

    @Inject
    Clock clock;

    @Inject
    Db db;

    // --- Referrals ---

    public void callOffIssued(CallOffIssued callOff, IncomingEvent event) {
        Instant remindAt = ReminderSchedule.remindAt(callOff.issuedAt(), callOff.respondBy(),
                reminders.workingHoursBefore()).orElse(null);
        boolean laterRound = callOff.round() != null && callOff.round() > 1;
        db.update("INSERT INTO call_off (referral_id, council, lot_id, category, respond_by, remind_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", callOff.referralId(), callOff.council(),
                callOff.lotId(), callOff.category(), callOff.respondBy(), remindAt);
        if (laterRound) {
            newRound(callOff, remindAt);
        }
        Message message = new Message("New referral: respond by " + time(callOff.respondBy()),
                councilName(callOff.council()) + " invites you to offer a placement for a new referral in "
                        + lotAndCategory(callOff.lotId(), callOff.category()) + ". Respond by "
                        + time(callOff.respondBy()) + ". The referral's profile is in your invitations.",
                "/invitations");
        for (UUID providerId : callOff.invitedProviderIds()) {
            // a new round asks again: an answer to an earlier round does not silence this round's reminder
            db.update("INSERT INTO invitation (referral_id, provider_id) VALUES (?, ?) ON CONFLICT (referral_id, "
                    + "provider_id) DO UPDATE SET responded_at = CASE WHEN ? THEN NULL ELSE invitation.responded_at END",
                    callOff.referralId(), providerId, laterRound);
            notifier.notify(event.id(), NotificationKind.INVITATION, Audience.provider(providerId), message);
        }
    }

    /** A re-run call-off of the same referral: its new deadline gets its own reminder. */
    private void newRound(CallOffIssued callOff, Instant remindAt) {
        db.update("UPDATE call_off SET category = ?, respond_by = ?, remind_at = ?, reminded_at = NULL "
                + "WHERE referral_id = ?", callOff.category(), callOff.respondBy(), remindAt, callOff.referralId());
    }

    /** Every invited provider hears the referral closed; its reminder is stopped as on award. */
    public void referralCancelled(ReferralCancelled cancelled, IncomingEvent event) {
        db.update("UPDATE call_off SET remind_at = NULL WHERE referral_id = ? AND reminded_at IS NULL",
                cancelled.referralId());
        Message message = new Message("Referral closed: no response needed",
                councilName(cancelled.council()) + " has cancelled a referral you were invited to offer for. "
                        + "No placement will be awarded from it and no response is needed.",
                "/invitations");
        for (UUID providerId : cancelled.invitedProviderIds()) {
            notifier.notify(event.id(), NotificationKind.REFERRAL_CLOSED, Audience.provider(providerId), message);
        }
    }

    public void offerSubmitted(OfferSubmitted offer) {
        responded(offer.referralId(), offer.providerId(), offer.submittedAt());
    }

    public void offerDeclined(OfferDeclined declined) {
        responded(declined.referralId(), declined.providerId(), declined.declinedAt());
    }

    private void responded(UUID referralId, UUID providerId, Instant at) {
        db.update("UPDATE invitation SET responded_at = ? WHERE referral_id = ? AND provider_id = ? "
                + "AND responded_at IS NULL", at == null ? clock.instant() : at, referralId, providerId);
    }

    /** Sends the reminder of one call-off whose time has come, to the invited providers that have not answered. */
    void remind(UUID referralId, String council, UUID lotId, String category, Instant respondBy) {
        List<UUID> silent = db.query("SELECT provider_id FROM invitation WHERE referral_id = ? AND responded_at IS NULL "
                + "ORDER BY provider_id", rs -> rs.getObject(1, UUID.class), referralId);
        Message message = new Message("Reminder: respond by " + time(respondBy),
                "You have not yet answered " + councilName(council) + "'s referral in "
                        + lotAndCategory(lotId, category) + ". Offer a placement or decline by " + time(respondBy)
                        + ".",
                "/invitations");
        for (UUID providerId : silent) {
            // one reminder per deadline: a re-run round has its own
            notifier.notify("reminder:" + referralId + ":" + respondBy, NotificationKind.DEADLINE_REMINDER, Audience.provider(providerId),
                    message);
        }
    }

    // --- Placements ---

    public void placementAwarded(PlacementAwarded award, IncomingEvent event) {
        directory.awarded(award);
        // decided: no reminder any more
        db.update("UPDATE call_off SET remind_at = NULL WHERE referral_id = ? AND reminded_at IS NULL",
                award.referralId());
        String lot = lotAndCategory(award.lotId(), null);
        notifier.notify(event.id(), NotificationKind.OFFER_AWARDED, Audience.provider(award.providerId()),
                new Message("Your offer was successful",
                        councilName(award.council()) + " accepted your offer for a referral in " + lot
                                + (award.plannedStart() == null ? "" : "; the placement is planned to start on "
                                        + award.plannedStart().format(DAY))
                                + ". The placement agreement follows.",
                        "/invitations"));
        Message notSuccessful = new Message("Your offer was not successful",
                councilName(award.council()) + " has placed the child of a referral you offered for in " + lot
                        + " with another provider. Thank you for your offer.",
                "/invitations");
        for (UUID providerId : award.unsuccessfulProviderIds() == null ? List.<UUID>of()
                : award.unsuccessfulProviderIds()) {
            notifier.notify(event.id(), NotificationKind.OFFER_NOT_SUCCESSFUL, Audience.provider(providerId),
                    notSuccessful);
        }
    }

    public void feeChangeRequested(FeeChangeRequested request, IncomingEvent event) {
        String provider = directory.providerName(request.providerId());
        notifier.notify(event.id(), NotificationKind.FEE_CHANGE_REQUESTED,
                Audience.team(request.council(), Roles.PLACEMENT_OFFICER),
                new Message(provider + " asks to change a placement's weekly fee",
                        provider + " asks for a weekly fee of " + pounds(request.weeklyFee().total()) + " from "
                                + request.effectiveFrom().format(DAY) + " (" + request.reason()
                                + "). Accept or refuse the request.",
                        "/placements/" + request.placementId()));
    }

    public void feeChangeDecided(FeeChangeDecided decision, IncomingEvent event) {
        boolean accepted = "ACCEPTED".equals(decision.decision());
        notifier.notify(event.id(), NotificationKind.FEE_CHANGE_DECIDED, Audience.provider(decision.providerId()),
                new Message("Your fee change request was " + (accepted ? "accepted" : "refused"),
                        councilName(decision.council()) + (accepted ? " accepted" : " refused")
                                + " your request to change a placement's weekly fee"
                                + (decision.reason() == null || decision.reason().isBlank() ? "."
                                        : ": " + decision.reason() + "."),
                        "/placements/" + decision.placementId()));
    }

    /** The council's panel is told an award waits for it; the message names no child. */
    public void panelRequested(PanelRequested request, IncomingEvent event) {
        notifier.notify(event.id(), NotificationKind.PANEL_REQUEST, Audience.team(request.council(), Roles.PANEL),
                new Message("An award waits for the County Resourcing Panel",
                        "A placement officer asks the panel to approve an award at " + pounds(request.weeklyFee()
                                .total()) + " a week: " + String.join("; ", request.reasons()) + ".",
                        "/panel-requests/" + request.requestId()));
    }

    /** The council's placement officers are told the panel's decision and its reasons. */
    public void panelDecided(PanelDecided decision, IncomingEvent event) {
        boolean approved = "APPROVED".equals(decision.decision());
        notifier.notify(event.id(), NotificationKind.PANEL_DECIDED,
                Audience.team(decision.council(), Roles.PLACEMENT_OFFICER),
                new Message("The County Resourcing Panel " + (approved ? "approved" : "refused") + " an award",
                        "The panel " + (approved ? "approved the award; the placement is made" : "refused the award; "
                                + "the referral is open for another award") + ". Its reasons: " + decision.reasons()
                                + ".",
                        approved ? "/placements/" + decision.placementId() : "/referrals/" + decision.referralId()));
    }

    public void exemptionExpiring(ExemptionExpiring exemption, IncomingEvent event) {
        Message message = new Message("An exemption ends in " + days(exemption.daysLeft()),
                "The exemption to buy " + exemption.serviceType() + " off the DPS (" + exemption.reason()
                        + ") ends on " + exemption.validUntil().format(DAY)
                        + ". Renew it, or place through the DPS from then.",
                "/exemptions");
        notifier.notify(event.id(), NotificationKind.EXEMPTION_EXPIRING,
                Audience.team(exemption.council(), Roles.PLACEMENT_OFFICER), message);
        notifier.notify(event.id(), NotificationKind.EXEMPTION_EXPIRING,
                Audience.team(exemption.council(), Roles.COMMISSIONER), message);
    }

    // --- Spend ---

    public void thresholdCrossed(ThresholdCrossed crossed, IncomingEvent event) {
        notifier.notify(event.id(), NotificationKind.SPEND_THRESHOLD_CROSSED,
                Audience.team(crossed.council(), Roles.FINANCE_OFFICER),
                new Message(crossed.name() + " is over " + crossed.thresholdPercent() + "% of its value",
                        "In " + crossed.financialYear() + "/" + String.format("%02d", (crossed.financialYear() + 1) % 100)
                                + " it stands at " + pounds(crossed.amount()) + " of " + pounds(crossed.limit())
                                + ".",
                        "/alerts"));
    }

    // --- Providers ---

    public void applicationSubmitted(ApplicationSubmitted application, IncomingEvent event) {
        String provider = directory.providerName(application.providerId());
        List<String> lotCouncils = directory.lotCouncils(application.lotId());
        if (lotCouncils.isEmpty()) {
            LOG.warnf("Application %s is to lot %s, whose councils are not known: no council is told",
                    application.applicationId(), application.lotId());
        }
        Message message = new Message("Application received: " + provider,
                provider + " applied to join " + lotAndCategory(application.lotId(), null) + ". Decide it by "
                        + application.dueOn().format(DAY) + ".",
                "/applications");
        toLotCommissioners(application.lotId(), event, NotificationKind.APPLICATION_RECEIVED, message);
    }

    public void applicationDueSoon(ApplicationDueSoon application, IncomingEvent event) {
        toLotCommissioners(application.lotId(), event, NotificationKind.APPLICATION_DUE_SOON,
                new Message("Application due " + (application.workingDaysLeft() == 0 ? "today"
                        : "in " + workingDays(application.workingDaysLeft())) + ": " + application.providerName(),
                        application.providerName() + "'s application to join "
                                + lotAndCategory(application.lotId(), null) + " must be decided by "
                                + application.dueOn().format(DAY) + ".",
                        "/applications"));
    }

    public void applicationOverdue(ApplicationOverdue application, IncomingEvent event) {
        toLotCommissioners(application.lotId(), event, NotificationKind.APPLICATION_OVERDUE,
                new Message("Application overdue: " + application.providerName(),
                        application.providerName() + "'s application to join "
                                + lotAndCategory(application.lotId(), null) + " was due to be decided by "
                                + application.dueOn().format(DAY) + " and is still undecided.",
                        "/applications"));
    }

    private void toLotCommissioners(UUID lotId, IncomingEvent event, NotificationKind kind, Message message) {
        for (String council : directory.lotCouncils(lotId)) {
            notifier.notify(event.id(), kind, Audience.team(council, Roles.COMMISSIONER), message);
        }
    }

    public void documentExpiring(ProviderDocumentExpiring document, IncomingEvent event) {
        notifier.notify(event.id(), NotificationKind.DOCUMENT_EXPIRING, Audience.provider(document.providerId()),
                new Message("Your " + label(document.documentType()) + " expires in " + days(document.daysLeft()),
                        "Your " + label(document.documentType()) + " (" + document.reference() + ") expires on "
                                + document.expiresOn().format(DAY) + ". Upload its replacement before then"
                                + (document.mandatory() ? ": it is mandatory to receive referrals." : "."),
                        "/documents"));
    }

    public void documentExpired(ProviderDocumentExpired document, IncomingEvent event) {
        String label = label(document.documentType());
        notifier.notify(event.id(), NotificationKind.DOCUMENT_EXPIRED, Audience.provider(document.providerId()),
                new Message("Your " + label + " has expired",
                        "Your " + label + " (" + document.reference() + ") expired on "
                                + document.expiresOn().format(DAY) + ". Upload its replacement now.",
                        "/documents"));
        String provider = directory.providerName(document.providerId());
        Message toCommissioners = new Message(provider + ": mandatory " + label + " expired",
                provider + "'s " + label + " expired on " + document.expiresOn().format(DAY)
                        + " and has not been replaced.",
                "/providers/" + document.providerId());
        for (String council : directory.councilsOfMember(document.providerId())) {
            notifier.notify(event.id(), NotificationKind.DOCUMENT_EXPIRED, Audience.team(council, Roles.COMMISSIONER),
                    toCommissioners);
        }
    }

    // --- Quality ---

    /** Red or amber: the councils with a child placed with the provider now, and no one else. */
    public void riskRatingChanged(RiskRatingChanged change, IncomingEvent event) {
        if (!"RED".equals(change.to()) && !"AMBER".equals(change.to())) {
            return;
        }
        String provider = directory.providerName(change.providerId());
        Message message = new Message(provider + " is now rated " + change.to(),
                provider + "'s risk rating changed from " + change.from() + " to " + change.to()
                        + (change.reasons() == null || change.reasons().isEmpty() ? ""
                                : " (" + String.join("; ", change.reasons()) + ")")
                        + ". You have a child placed with this provider.",
                "/providers/" + change.providerId());
        for (String council : directory.councilsPlacingWith(change.providerId())) {
            notifier.notify(event.id(), NotificationKind.RISK_RATING_CHANGED,
                    Audience.team(council, Roles.MONITORING_OFFICER), message);
            notifier.notify(event.id(), NotificationKind.RISK_RATING_CHANGED,
                    Audience.team(council, Roles.PLACEMENT_OFFICER), message);
        }
    }

    private String councilName(String council) {
        PartnerCouncils.Council known = councils.all().get(council);
        return known == null ? council : known.name();
    }

    private String lotAndCategory(UUID lotId, String category) {
        String lot = directory.lotName(lotId).map(name -> "the lot " + name).orElse("a lot of the DPS");
        return category == null || category.isBlank() ? lot : lot + " (category " + category + ")";
    }

    private static String time(Instant instant) {
        return instant.atZone(PlatformClock.UK).format(TIME).replace("AM", "am").replace("PM", "pm");
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    private static String workingDays(int days) {
        return days == 1 ? "1 working day" : days + " working days";
    }

    private static String pounds(BigDecimal amount) {
        return amount == null ? "an unknown amount" : String.format(Locale.UK, "£%,.2f", amount);
    }

    /** e.g. PUBLIC_LIABILITY_INSURANCE → public liability insurance */
    private static String label(String code) {
        return code == null ? "document" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
