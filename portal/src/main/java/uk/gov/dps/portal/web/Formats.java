package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.qute.TemplateExtension;
import uk.gov.dps.portal.services.PlacementService.Invitation;
import uk.gov.dps.portal.services.PlacementService.Referral;
import uk.gov.dps.portal.services.ProviderService.Application;

/**
 * How the pages write money, dates, codes and statuses, in the GOV.UK style: "£1,250.00", "4 March 2019", "4 March 2019 at 2:30pm"
 * (UK time), "Called off"; and which colour of tag each status gets.
 */
@TemplateExtension
public final class Formats {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private Formats() {
    }

    /** £1,234.56, -£1,234.56 for an overspend's variance, and £0.00 for nothing. */
    static String money(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.UK)
                .format(amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(UK);
        return DATE.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }

    /**
     * CALLED_OFF → "Called off", EMOTIONAL_BEHAVIOURAL → "Emotional behavioural", and a service's field name
     * invoiceNumber → "Invoice number".
     */
    static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The first block of an id: enough to tell rows apart on a page, the link carries the whole id. */
    static String shortId(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }

    static String tagClass(Referral referral) {
        return switch (referral.status()) {
            case "CALLED_OFF" -> "govuk-tag--yellow";
            case "AWARDED" -> "govuk-tag--green";
            case "PLACED_IN_HOUSE" -> "govuk-tag--turquoise";
            case "CLOSED", "CANCELLED" -> "govuk-tag--grey";
            case "AWAITING_PANEL" -> "govuk-tag--purple";
            case "UNMET" -> "govuk-tag--red";
            default -> "govuk-tag--blue";
        };
    }

    static String tagClass(Invitation invitation) {
        return switch (invitation.status()) {
            case "RESPONDED" -> "govuk-tag--green";
            case "EXPIRED" -> "govuk-tag--red";
            case "CLOSED" -> "govuk-tag--grey";
            default -> "govuk-tag--blue";
        };
    }

    static String tagClass(Application application) {
        return switch (application.status()) {
            case "ADMITTED" -> "govuk-tag--green";
            case "REJECTED" -> "govuk-tag--orange";
            default -> "govuk-tag--blue";
        };
    }
}
