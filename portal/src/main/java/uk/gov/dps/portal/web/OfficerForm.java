package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.FormError;

/**
 * An officer's or panel member's form as typed: read field by field, with a GOV.UK error per field that cannot be
 * read, so the page is shown again from the same values (nothing typed is lost) and each error links to its field.
 */
public final class OfficerForm {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, FormError> errors = new LinkedHashMap<>();

    public static OfficerForm empty() {
        return new OfficerForm();
    }

    public static OfficerForm of(MultivaluedMap<String, String> posted) {
        OfficerForm form = new OfficerForm();
        if (posted != null) {
            posted.forEach((name, list) -> form.values.put(name, list == null ? List.of() : List.copyOf(list)));
        }
        return form;
    }

    public OfficerForm with(String name, String value) {
        values.put(name, value == null ? List.of() : List.of(value));
        return this;
    }

    // --- what the templates read ---------------------------------------------------------------------------

    public String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    public String day(String name) {
        return value(name + "-day");
    }

    public String month(String name) {
        return value(name + "-month");
    }

    public String year(String name) {
        return value(name + "-year");
    }

    /** Whether a checkbox or radio with this value was chosen. */
    public boolean chosen(String name, String value) {
        return values.getOrDefault(name, List.of()).contains(value);
    }

    public String error(String name) {
        FormError error = errors.get(name);
        return error == null ? null : error.text();
    }

    public boolean hasErrorIn(String... names) {
        for (String name : names) {
            if (errors.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FormError> errors() {
        return new ArrayList<>(errors.values());
    }

    // --- reading it ------------------------------------------------------------------------------------------

    public void fail(String name, String message) {
        errors.putIfAbsent(name, new FormError("#" + name, message));
    }

    public String text(String name) {
        String value = value(name).strip();
        return value.isEmpty() ? null : value;
    }

    public String required(String name, String message) {
        String value = text(name);
        if (value == null) {
            fail(name, message);
        }
        return value;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    public Integer whole(String name, String what) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            fail(name, what + " must be a whole number, like 4");
            return null;
        }
    }

    public BigDecimal amount(String name, String what) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace("£", "").replace(",", "").replace("%", "").strip());
        } catch (NumberFormatException e) {
            fail(name, what + " must be a number, like 25 or 12.5");
            return null;
        }
    }

    /** A GOV.UK date input: name-day, name-month, name-year; errors link to the day box. */
    public LocalDate date(String name, String what, boolean required) {
        String day = text(name + "-day");
        String month = text(name + "-month");
        String year = text(name + "-year");
        if (day == null && month == null && year == null) {
            if (required) {
                errors.putIfAbsent(name, new FormError("#" + name + "-day", "Enter " + what));
            }
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year == null ? "" : year), Integer.parseInt(month == null ? ""
                    : month), Integer.parseInt(day == null ? "" : day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.putIfAbsent(name, new FormError("#" + name + "-day", what.substring(0, 1).toUpperCase()
                    + what.substring(1) + " must be a real date"));
            return null;
        }
    }

    /** A service's 4xx on this form: its field errors, each on its field when the form has one, else on top. */
    public OfficerForm refusedBy(ServiceProblem refused, String fallbackField) {
        for (FormError error : ErrorPages.formErrors(refused, "#" + fallbackField)) {
            errors.put("service-" + errors.size(), error);
        }
        return this;
    }
}
