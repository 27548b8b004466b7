package org.batchledger.hub.api.loader;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * References to other records (a batch's product, a consumption's lot, what a result is on, what a deviation
 * impacts) through one DataLoader: every reference of a response level at the same asOf is resolved by one query,
 * each record in its version valid at that asOf. Unknown references, and types the API does not serve, are null.
 */
@Component
public class RecordLookup {
    private static final String NAME = RecordLookup.class.getName();

    /** One reference, read as of a tree size (or current). */
    record Key(RecordRef ref, AsOf asOf) {
    }

    RecordLookup(BatchLoaderRegistry registry, RecordQueries records) {
        registry.<Key, LedgerRecord>forName(NAME).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> load(records, keys)));
    }

    /** The referenced record at the asOf of the field's subtree, or null. */
    @SuppressWarnings("unchecked")
    public static <T extends LedgerRecord> CompletableFuture<T> one(DataFetchingEnvironment env, RecordRef ref) {
        if (ref == null || !GlobalIds.NODE_TYPES.contains(ref.type())) {
            return CompletableFuture.completedFuture(null);
        }
        return (CompletableFuture<T>) env.<Key, LedgerRecord>getDataLoader(NAME).load(new Key(ref, AsOfContext.of(env)));
    }

    /** The referenced records that exist, in the order of the references. */
    public static CompletableFuture<List<LedgerRecord>> all(DataFetchingEnvironment env, List<RecordRef> refs) {
        List<CompletableFuture<LedgerRecord>> each = refs.stream().map(r -> RecordLookup.<LedgerRecord>one(env, r))
                .toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    private static Map<Key, LedgerRecord> load(RecordQueries records, Set<Key> keys) {
        Map<Key, LedgerRecord> found = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(Key::asOf)).forEach((asOf, members) -> {
            Map<RecordRef, LedgerRecord> byRef = records.byRefs(members.stream().map(Key::ref).toList(), asOf);
            members.forEach(k -> {
                if (byRef.containsKey(k.ref())) {
                    found.put(k, byRef.get(k.ref()));
                }
            });
        });
        return found;
    }
}
