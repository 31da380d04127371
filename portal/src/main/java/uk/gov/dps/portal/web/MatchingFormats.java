package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;
import uk.gov.dps.portal.services.ProviderService.Judgement;
import uk.gov.dps.portal.services.ProviderService.Profile;
import uk.gov.dps.portal.services.ProviderService.Vacancy;
import uk.gov.dps.portal.services.ProviderService.VacancyRow;
import uk.gov.dps.portal.services.SpendService.Invoice;

/** How the settings, vacancies, invoices and sufficiency pages write distances, ages, needs and statuses. */
@TemplateExtension
public final class MatchingFormats {

    private MatchingFormats() {
    }

    /** "12.3 miles", "0.4 miles", or empty when no place was given to measure from. */
    static String distance(VacancyRow row) {
        if (row.distanceMiles() == null) {
            return "";
        }
        double miles = Math.round(row.distanceMiles() * 10) / 10.0;
        return (miles == Math.rint(miles) ? String.valueOf((long) miles) : String.valueOf(miles))
                + (miles == 1 ? " mile" : " miles");
    }

    /** "8 to 12" for a vacancy's own ages; "As the setting" when it keeps the profile's. */
    static String ages(Vacancy vacancy) {
        if (vacancy.minAge() == null && vacancy.maxAge() == null) {
            return "As the setting";
        }
        return (vacancy.minAge() == null ? "0" : vacancy.minAge()) + " to "
                + (vacancy.maxAge() == null ? "25" : vacancy.maxAge());
    }

    static String ages(Profile profile) {
        return profile.minAge() + " to " + profile.maxAge();
    }

    /** "Autism, Medical" for a vacancy's own needs; "As the setting" when it keeps the profile's. */
    static String needsText(Vacancy vacancy) {
        return vacancy.needs().isEmpty() ? "As the setting" : words(vacancy.needs());
    }

    static String needsText(Profile profile) {
        return profile.needs().isEmpty() ? "None listed" : words(profile.needs());
    }

    /** "Female, Male"; provider-service's first settings said F and M, read the same. */
    static String sexesText(Profile profile) {
        if (profile.sexes().isEmpty()) {
            return "Not said";
        }
        return words(profile.sexes().stream().map(s -> switch (s) {
            case "F" -> "FEMALE";
            case "M" -> "MALE";
            default -> s;
        }).toList());
    }

    /** A list of codes as people read them: "Emotional behavioural, Autism". */
    static String words(List<String> codes) {
        return codes.stream().map(Formats::label).collect(Collectors.joining(", "));
    }

    static String yesNo(Boolean value) {
        return Boolean.TRUE.equals(value) ? "Yes" : "No";
    }

    /** A judgement with its colour: Inadequate red, Requires improvement yellow, Good and Outstanding green. */
    static String judgementTagClass(Judgement judgement) {
        if (judgement == null || judgement.judgement() == null) {
            return "govuk-tag--grey";
        }
        return switch (judgement.judgement()) {
            case "INADEQUATE" -> "govuk-tag--red";
            case "REQUIRES_IMPROVEMENT_TO_BE_GOOD", "REQUIRES_IMPROVEMENT" -> "govuk-tag--yellow";
            default -> "govuk-tag--green";
        };
    }

    static String statusTagClass(Invoice invoice) {
        return switch (invoice.status() == null ? "" : invoice.status()) {
            case "APPROVED" -> "govuk-tag--green";
            case "DISPUTED" -> "govuk-tag--red";
            case "PAID" -> "govuk-tag--turquoise";
            default -> "govuk-tag--blue";
        };
    }

    /** A number of days, "4.5 days"; "None placed" when there is nothing to average. */
    static String days(BigDecimal value) {
        return value == null ? "None yet" : value.stripTrailingZeros().toPlainString() + " days";
    }
}
