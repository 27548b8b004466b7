package org.batchledger.hub.api.loader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.springframework.stereotype.Component;

/**
 * Resolves typed references (what a result is on, what a deviation impacts, what a trace reached) for many sources
 * in one go, so feature controllers resolve records without reading them themselves.
 */
@Component
public final class RefResolver {
    private final RecordQueries records;

    RefResolver(RecordQueries records) {
        this.records = records;
    }

    public <S> Map<S, List<LedgerRecord>> all(List<S> sources, Function<S, List<RecordRef>> refs) {
        Map<RecordRef, LedgerRecord> found = records.byRefs(sources.stream().flatMap(s -> refs.apply(s).stream())
                .filter(r -> GlobalIds.NODE_TYPES.contains(r.type())).distinct().toList());
        Map<S, List<LedgerRecord>> out = new LinkedHashMap<>();
        sources.forEach(s -> out.put(s, refs.apply(s).stream().map(found::get).filter(Objects::nonNull).toList()));
        return out;
    }

    public <S> Map<S, LedgerRecord> one(List<S> sources, Function<S, RecordRef> ref) {
        Map<S, LedgerRecord> out = new LinkedHashMap<>();
        all(sources, s -> ref.apply(s) == null ? List.of() : List.of(ref.apply(s)))
                .forEach((s, found) -> found.stream().findFirst().ifPresent(r -> out.put(s, r)));
        return out;
    }
}
