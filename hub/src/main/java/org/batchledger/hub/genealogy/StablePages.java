package org.batchledger.hub.genealogy;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;

/** Keyset pages over an in-memory list sorted by a string key: the cursor is the key, found by binary search. */
final class StablePages {
    private StablePages() {
    }

    static <S, T> Page<T> page(List<S> sorted, Function<S, String> key, IntFunction<T> viewAt, Integer first,
                               String after) {
        PageRequest request = Paging.of(first, after);
        int from = request.afterKey() == null ? 0 : indexAfter(sorted, key, request.afterKey());
        int to = Math.min(sorted.size(), from + request.first());
        List<T> items = IntStream.range(from, to).mapToObj(viewAt).toList();
        List<String> keys = sorted.subList(from, to).stream().map(key).toList();
        return new Page<>(items, keys, to < sorted.size(), from > 0);
    }

    private static <S> int indexAfter(List<S> sorted, Function<S, String> key, String after) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.apply(sorted.get(mid)).compareTo(after) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
