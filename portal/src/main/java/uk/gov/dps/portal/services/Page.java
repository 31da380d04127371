package uk.gov.dps.portal.services;

import java.util.List;

/** One page of a service's list (the services' paging: never a total, only whether a next page exists). */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {

    public List<T> items() {
        return items == null ? List.of() : items;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
