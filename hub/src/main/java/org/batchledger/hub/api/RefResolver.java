package org.batchledger.hub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;

/** Resolves typed references (what a result is on, what a deviation impacts) for many sources in one go. */
public final class RefResolver {
    private RefResolver() {
    }

    public static <S> Map<S, List<LedgerRecord>> all(RecordQueries records, List<S> sources,
                                                      Function<S, List<RecordRef>> refs) {
        Map<RecordRef, LedgerRecord> found = records.byRefs(sources.stream().flatMap(s -> refs.apply(s).stream())
                .filter(r -> GlobalIds.NODE_TYPES.contains(r.type())).distinct().toList());
        Map<S, List<LedgerRecord>> out = new LinkedHashMap<>();
        sources.forEach(s -> out.put(s, refs.apply(s).stream().map(found::get).filter(Objects::nonNull).toList()));
        return out;
    }

    public static <S> Map<S, LedgerRecord> one(RecordQueries records, List<S> sources, Function<S, RecordRef> ref) {
        Map<S, LedgerRecord> out = new LinkedHashMap<>();
        all(records, sources, s -> ref.apply(s) == null ? List.of() : List.of(ref.apply(s)))
                .forEach((s, found) -> found.stream().findFirst().ifPresent(r -> out.put(s, r)));
        return out;
    }
}
