package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.core.MultivaluedMap;

import uk.gov.dps.portal.services.Problem;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.FormError;

/**
 * What a person typed into a form, read back field by field into what a service takes, with the GOV.UK error
 * messages for what cannot be read. The page shows the form again from the same values, so nothing typed is lost,
 * and each error links to its field (a date's to its day box, as the design system does).
 */
public final class Form {

    private final Map<String, List<String>> values;
    private final Map<String, FormError> errors = new LinkedHashMap<>();

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(new LinkedHashMap<>());
    }

    public static Form of(MultivaluedMap<String, String> posted) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (posted != null) {
            posted.forEach((name, list) -> values.put(name, list == null ? List.of() : List.copyOf(list)));
        }
        return new Form(values);
    }

    /** Prefills a field, e.g. a date from the record being changed. */
    public Form with(String name, String value) {
        values.put(name, value == null ? List.of() : List.of(value));
        return this;
    }

    /** One more value of a many-valued field (checkboxes). */
    public Form add(String name, String value) {
        List<String> list = new ArrayList<>(values.getOrDefault(name, List.of()));
        list.add(value);
        values.put(name, list);
        return this;
    }

    public Form withDate(String name, LocalDate date) {
        if (date != null) {
            with(name + "-day", String.valueOf(date.getDayOfMonth()));
            with(name + "-month", String.valueOf(date.getMonthValue()));
            with(name + "-year", String.valueOf(date.getYear()));
        }
        return this;
    }

    // --- what the templates read ----------------------------------------------------------------------------

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

    /** A checkbox or radio: whether this value was chosen. */
    public boolean checked(String name, String value) {
        return values.getOrDefault(name, List.of()).contains(value);
    }

    public boolean invalid(String name) {
        return errors.containsKey(name);
    }

    /** Whether any of these fields has an error (a group of fields shown together, e.g. a table of rows). */
    public boolean anyInvalid(String... names) {
        for (String name : names) {
            if (invalid(name)) {
                return true;
            }
        }
        return false;
    }

    public String error(String name) {
        FormError error = errors.get(name);
        return error == null ? "" : error.text();
    }

    public List<FormError> errors() {
        return new ArrayList<>(errors.values());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    // --- reading it -----------------------------------------------------------------------------------------

    public Form reject(String name, String message) {
        errors.putIfAbsent(name, new FormError("#" + name, message));
        return this;
    }

    public Form rejectDate(String name, String message) {
        errors.putIfAbsent(name, new FormError("#" + name + "-day", message));
        return this;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** The text, stripped; null when empty. */
    public String text(String name) {
        return text(name, null);
    }

    /** The text, stripped; null when empty (and an error when required: message is the GOV.UK "Enter ..."). */
    public String text(String name, String requiredMessage) {
        String text = value(name).strip();
        if (text.isEmpty()) {
            if (requiredMessage != null) {
                reject(name, requiredMessage);
            }
            return null;
        }
        return text;
    }

    /** One of the given values; anything else is the error (radios and selects). */
    public String choice(String name, List<String> allowed, String requiredMessage) {
        String chosen = value(name);
        if (!allowed.contains(chosen)) {
            reject(name, requiredMessage);
            return null;
        }
        return chosen;
    }

    /** Pounds and pence, "1,250.50" or "£1250": null when empty and not required. */
    public BigDecimal money(String name, String label, boolean required) {
        String typed = value(name).strip().replace(",", "").replace("£", "");
        if (typed.isEmpty()) {
            if (required) {
                reject(name, "Enter the " + label);
            }
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(typed);
            if (amount.signum() < 0) {
                reject(name, capitalised(label) + " must be £0 or more");
            } else if (amount.stripTrailingZeros().scale() > 2) {
                reject(name, capitalised(label) + " must be in pounds and pence, like 1250.50");
            } else if (amount.compareTo(new BigDecimal("9999999.99")) > 0) {
                reject(name, capitalised(label) + " must be £9,999,999.99 or less");
            } else {
                return amount;
            }
        } catch (NumberFormatException e) {
            reject(name, capitalised(label) + " must be an amount in pounds, like 1250.50");
        }
        return null;
    }

    /** A percentage from 0 to max, at most two decimal places. */
    public BigDecimal percent(String name, String label, BigDecimal max) {
        String typed = value(name).strip().replace("%", "");
        if (typed.isEmpty()) {
            reject(name, "Enter the " + label);
            return null;
        }
        try {
            BigDecimal percent = new BigDecimal(typed);
            if (percent.signum() < 0 || (max != null && percent.compareTo(max) > 0)) {
                reject(name, capitalised(label) + " must be between 0 and " + (max == null ? "9999" : max.toPlainString()));
            } else if (percent.stripTrailingZeros().scale() > 2) {
                reject(name, capitalised(label) + " must have no more than 2 decimal places");
            } else {
                return percent;
            }
        } catch (NumberFormatException e) {
            reject(name, capitalised(label) + " must be a number, like 85 or 92.5");
        }
        return null;
    }

    /** A whole number from 0 to 100,000. */
    public Integer count(String name, String label) {
        String typed = value(name).strip().replace(",", "");
        if (typed.isEmpty()) {
            reject(name, "Enter the " + label);
            return null;
        }
        try {
            int count = Integer.parseInt(typed);
            if (count >= 0 && count <= 100_000) {
                return count;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        reject(name, capitalised(label) + " must be a whole number from 0 to 100,000");
        return null;
    }

    /** A whole number of any size; null when empty (a range the page checks itself). */
    public Integer wholeNumber(String name, String label) {
        return optional(name, Integer::valueOf, capitalised(label) + " must be a whole number, like 4");
    }

    /** A number, "£1,250.50" or "12.5%" read as the number; null when empty (a range the page checks itself). */
    public BigDecimal number(String name, String label) {
        return optional(name,
                typed -> new BigDecimal(typed.replace("£", "").replace(",", "").replace("%", "").strip()),
                capitalised(label) + " must be a number, like 25 or 12.5");
    }

    private <T> T optional(String name, Function<String, T> parse, String unreadable) {
        String typed = text(name);
        if (typed == null) {
            return null;
        }
        try {
            return parse.apply(typed);
        } catch (NumberFormatException e) {
            reject(name, unreadable);
            return null;
        }
    }

    /**
     * The design system's date input: day, month and year boxes; null when all three are empty. The label reads
     * after "Enter the" ("start date"), or says its own article when the sentence needs it ("the day it started").
     */
    public LocalDate date(String name, String label, boolean required) {
        String day = day(name).strip();
        String month = month(name).strip();
        String year = year(name).strip();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            if (required) {
                rejectDate(name, "Enter " + (label.startsWith("the ") ? label : "the " + label));
            }
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (day.isEmpty()) {
            missing.add("day");
        }
        if (month.isEmpty()) {
            missing.add("month");
        }
        if (year.isEmpty()) {
            missing.add("year");
        }
        if (!missing.isEmpty()) {
            rejectDate(name, capitalised(label) + " must include a " + String.join(" and ", missing));
            return null;
        }
        try {
            if (year.length() != 4) {
                throw new NumberFormatException();
            }
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            rejectDate(name, capitalised(label) + " must be a real date");
            return null;
        }
    }

    /**
     * What a service refused (its 400 naming fields, or its 409 detail) as errors on this form: a field the
     * service names that the form has goes next to it, anything else to {@code fallback}.
     */
    public Form refusedBy(ServiceProblem refused, String fallback, Map<String, String> fieldsByServiceName) {
        Problem problem = refused.problem();
        if (problem != null) {
            for (Problem.FieldError field : problem.errors()) {
                String name = field.field() == null ? "" : field.field();
                String own = fieldsByServiceName.getOrDefault(name,
                        fieldsByServiceName.getOrDefault(name.substring(name.lastIndexOf('.') + 1), fallback));
                reject(own, Formats.label(name.substring(name.lastIndexOf('.') + 1)) + " " + field.message());
            }
        }
        if (!hasErrors()) {
            ErrorPages.formErrors(refused, "#" + fallback).forEach(e -> reject(fallback, e.text()));
        }
        return this;
    }

    /**
     * What a service refused, as it said it, in the error summary only (linking to {@code fallback}): for forms
     * whose fields do not map one to one onto the service's.
     */
    public Form refusedBy(ServiceProblem refused, String fallback) {
        for (FormError error : ErrorPages.formErrors(refused, "#" + fallback)) {
            errors.put("service-" + errors.size(), error);
        }
        return this;
    }

    private static String capitalised(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
