package org.batchledger.lineage.store;

import java.util.List;
import java.util.function.Function;

/** One page of records with the key of each (the cursor source) and whether more follow. */
public record Page<T>(List<T> items, List<String> keys, boolean hasNext, boolean hasPrevious) {
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), List.of(), false, request.afterKey() != null);
    }

    /** Cuts a fetched list of {@code first + 1} items into a page. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, String> key) {
        boolean more = fetched.size() > request.first();
        List<T> items = more ? fetched.subList(0, request.first()) : fetched;
        return new Page<>(List.copyOf(items), items.stream().map(key).toList(), more, request.afterKey() != null);
    }
}
