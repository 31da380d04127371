package uk.gov.dps.runtime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=&size=} of every list endpoint, validated: use as a {@code @BeanParam @Valid}. */
public class PageRequest {

    /** Far beyond any list here, and low enough that page × size never overflows. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = MAX_PAGE, message = "must be at most " + MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = Page.MAX_SIZE, message = "must be at most " + Page.MAX_SIZE)
    public int size;

    /** Index of the first row to read (for Panache {@code range(first, last)}). */
    public int first() {
        return page * size;
    }

    /** Index of the last row to read, inclusive: one more than the page shows, to learn if there is a next. */
    public int last() {
        return page * size + size;
    }
}
