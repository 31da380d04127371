package uk.gov.dps.placement.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The DfE's SSDA903 ("children looked after" return) code lists the platform records on placements, and which
 * code is valid in which collection year (1 April to 31 March). Read once from {@code /ssda903/} (see its
 * SOURCES.md for where the lists come from and their licences).
 */
public final class Ssda903Codes {

    /** The SSDA903 fields the platform records. */
    public enum Field {
        /** Placement type. */
        PLACE("place.csv"),
        /** Who provides the placement: the council, another public body, private or voluntary. */
        PLACE_PROVIDER("place_provider.csv"),
        /** Why an episode of care ceased. */
        REC("rec.csv"),
        /** Why the child changed placement. */
        REASON_PLACE_CHANGE("reason_place_change.csv");

        final String file;

        Field(String file) {
            this.file = file;
        }
    }

    /** A collection year, named by the calendar year it starts in: 2025 is 1 April 2025 to 31 March 2026. */
    public record CollectionYear(int startYear) implements Comparable<CollectionYear> {

        public static CollectionYear of(LocalDate day) {
            return new CollectionYear(day.getMonthValue() >= Month.APRIL.getValue() ? day.getYear() : day.getYear() - 1);
        }

        public LocalDate firstDay() {
            return LocalDate.of(startYear, Month.APRIL, 1);
        }

        public LocalDate lastDay() {
            return LocalDate.of(startYear + 1, Month.MARCH, 31);
        }

        /** As the DfE writes it, e.g. 2025-26. */
        public String label() {
            return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
        }

        @Override
        public int compareTo(CollectionYear other) {
            return Integer.compare(startYear, other.startYear);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    private static final String ROOT = "/ssda903/";
    private static final Ssda903Codes INSTANCE = load();

    /** field → code → the years it is valid in. */
    private final Map<Field, Map<String, Set<CollectionYear>>> validity;
    private final Map<Field, Map<String, String>> meanings;
    private final CollectionYear firstKnown;
    private final CollectionYear lastKnown;

    private Ssda903Codes(Map<Field, Map<String, Set<CollectionYear>>> validity, Map<Field, Map<String, String>> meanings,
            CollectionYear firstKnown, CollectionYear lastKnown) {
        this.validity = validity;
        this.meanings = meanings;
        this.firstKnown = firstKnown;
        this.lastKnown = lastKnown;
    }

    public static Ssda903Codes get() {
        return INSTANCE;
    }

    /**
     * The lists of the year a day falls in. Before the first year the files hold, that first year's lists (the
     * earliest the platform knows); after the last, the last year's (the validator carries a year's rules forward
     * until they change).
     */
    public CollectionYear listYear(LocalDate day) {
        CollectionYear year = CollectionYear.of(day);
        return year.compareTo(firstKnown) < 0 ? firstKnown : year.compareTo(lastKnown) > 0 ? lastKnown : year;
    }

    public boolean validOn(Field field, String code, LocalDate day) {
        return validity.get(field).getOrDefault(code, Set.of()).contains(listYear(day));
    }

    /**
     * Why {@code code} cannot be recorded as {@code field} for a day, naming the code and the collection year; empty
     * when it can.
     */
    public Optional<String> problem(Field field, String code, LocalDate day) {
        CollectionYear year = CollectionYear.of(day);
        Set<CollectionYear> years = validity.get(field).get(code);
        if (years == null) {
            return Optional.of(code + " is not an SSDA903 " + field + " code (collection year " + year + ")");
        }
        if (years.contains(listYear(day))) {
            return Optional.empty();
        }
        CollectionYear from = Collections.min(years);
        CollectionYear to = Collections.max(years);
        String when = year.compareTo(to) > 0 ? "withdrawn after " + to : "valid from " + from;
        return Optional.of(field + " code " + code + " is not valid in collection year " + year + " (" + when + ")");
    }

    /** The DfE's meaning of a code; empty where no open source gives one (PLACE Z11-Z14). */
    public Optional<String> meaning(Field field, String code) {
        return Optional.ofNullable(meanings.get(field).get(code));
    }

    /** Every code of a field valid on a day, in order. */
    public List<String> codes(Field field, LocalDate day) {
        CollectionYear year = listYear(day);
        return validity.get(field).entrySet().stream().filter(e -> e.getValue().contains(year)).map(Map.Entry::getKey)
                .toList();
    }

    static Ssda903Codes load() {
        CsvMapper csv = new CsvMapper();
        Map<Field, Map<String, Set<CollectionYear>>> validity = new EnumMap<>(Field.class);
        Map<Field, Map<String, String>> meanings = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            validity.put(field, new TreeMap<>());
            Map<String, String> meaning = new HashMap<>();
            read(csv, field.file).forEach(row -> meaning.put(row.get("code").strip(), row.get("meaning").strip()));
            meanings.put(field, Map.copyOf(meaning));
        }
        TreeSet<CollectionYear> years = new TreeSet<>();
        for (Map<String, String> row : read(csv, "code_validity_by_year.csv")) {
            Field field;
            try {
                field = Field.valueOf(row.get("field"));
            } catch (IllegalArgumentException notRecorded) {
                continue; // RNE and LS: the platform does not record them
            }
            Set<CollectionYear> valid = new TreeSet<>();
            row.forEach((column, value) -> {
                if (column.matches("\\d{4}_\\d{2}")) {
                    CollectionYear year = new CollectionYear(Integer.parseInt(column.substring(0, 4)));
                    years.add(year);
                    if ("Y".equals(value.strip())) {
                        valid.add(year);
                    }
                }
            });
            validity.get(field).put(row.get("code").strip(), Collections.unmodifiableSet(valid));
        }
        if (years.isEmpty()) {
            throw new IllegalStateException("no collection years in " + ROOT + "code_validity_by_year.csv");
        }
        validity.replaceAll((f, codes) -> Collections.unmodifiableMap(codes));
        return new Ssda903Codes(validity, meanings, years.first(), years.last());
    }

    private static List<Map<String, String>> read(CsvMapper csv, String file) {
        try (InputStream in = Ssda903Codes.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + file);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                it.forEachRemaining(rows::add);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
