package org.batchledger.hub.release;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.batchledger.hub.api.BadRequestException;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.release.alcoa.AlcoaFinding;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;

/**
 * Pages of a list of findings (a report's or a principle's). A cursor is the finding's position in the full,
 * ordered list, so it stays valid under any filter and, the evaluation being pinned to a tree size, for the same
 * asOf.
 */
final class FindingPages {
    private FindingPages() {
    }

    static Page<AlcoaFinding> page(List<AlcoaFinding> all, Predicate<AlcoaFinding> filter, Integer first,
                                   String after) {
        PageRequest request = Paging.of(first, after);
        int start = request.afterKey() == null ? 0 : position(request.afterKey(), all.size()) + 1;
        List<Integer> fetched = new ArrayList<>();
        for (int i = start; i < all.size() && fetched.size() <= request.first(); i++) {
            if (filter.test(all.get(i))) {
                fetched.add(i);
            }
        }
        Page<Integer> positions = Page.of(fetched, request, String::valueOf);
        return new Page<>(positions.items().stream().map(all::get).toList(), positions.keys(), positions.hasNext(),
                positions.hasPrevious());
    }

    private static int position(String key, int size) {
        try {
            int p = Integer.parseInt(key);
            if (p >= 0 && p < size) {
                return p;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestException("argument 'after' is not a cursor of these findings");
    }
}
