package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.quarkus.qute.TemplateExtension;
import uk.gov.dps.portal.web.Pages.FormError;

/**
 * How the monitoring and finance pages write shares ("12.5%"), and which colour tag a risk
 * rating, a concern's severity or a budget's status gets; and the inline error of a form field.
 */
@TemplateExtension
public final class QualityFormats {

    private QualityFormats() {
    }

    /** 12.5%: a share as the service gives it (a percentage), without needless zeros. */
    static String percent(BigDecimal share) {
        return share == null ? "" : share.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String ratingClass(String rating) {
        return switch (rating == null ? "" : rating) {
            case "RED" -> "govuk-tag--red";
            case "AMBER" -> "govuk-tag--yellow";
            case "GREEN" -> "govuk-tag--green";
            default -> "govuk-tag--grey";
        };
    }

    static String severityClass(String severity) {
        return switch (severity == null ? "" : severity) {
            case "SERIOUS" -> "govuk-tag--red";
            case "HIGH" -> "govuk-tag--orange";
            case "MEDIUM" -> "govuk-tag--yellow";
            default -> "govuk-tag--grey";
        };
    }

    static String statusClass(String spendStatus) {
        return switch (spendStatus == null ? "" : spendStatus) {
            case "OVERSPENT" -> "govuk-tag--red";
            case "AT_RISK" -> "govuk-tag--yellow";
            default -> "govuk-tag--green";
        };
    }

    /** The message for the field {@code href} ("#choice"), or null: what the inline error under the field says. */
    static String errorFor(List<FormError> errors, String href) {
        return errors.stream().filter(e -> href.equals(e.href())).map(FormError::text).findFirst().orElse(null);
    }
}
