package uk.gov.dps.runtime;

import java.util.List;

/** One page of a list: lists are always paged so no request reads a whole table. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
}
