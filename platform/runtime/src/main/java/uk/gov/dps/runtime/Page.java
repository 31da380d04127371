package uk.gov.dps.runtime;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. Lists are always paged, and a page never counts the whole table: it reads one row more
 * than it shows to know whether there is a next page.
 */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** @param rows up to {@code size + 1} rows of page {@code page} */
    public static <E, T> Page<T> of(List<E> rows, int page, int size, Function<E, T> view) {
        boolean hasNext = rows.size() > size;
        List<E> shown = hasNext ? rows.subList(0, size) : rows;
        return new Page<>(shown.stream().map(view).toList(), page, size, hasNext);
    }
}
