package org.batchledger.hub.api.loader;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.schema.record.LedgerRecord;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Short child lists (all children, no paging) through one DataLoader: all parents asking for the same hop at the
 * same asOf are answered by one query. The asOf is part of the key, so one request may read a batch now and as of
 * a checkpoint without the two sharing an answer.
 */
@Component
public class ChildLists {
    private static final String NAME = ChildLists.class.getName();

    /** One parent's request for its children along one hop, as of a tree size (or current). */
    record Key(Hop hop, String parentKey, AsOf asOf) {
    }

    ChildLists(BatchLoaderRegistry registry, Neighbours neighbours) {
        registry.<Key, List>forName(NAME).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> load(neighbours, keys)));
    }

    /** The parent's children, ordered by key, read at the asOf of the field's subtree. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T extends LedgerRecord> CompletableFuture<List<T>> load(DataFetchingEnvironment env, Hop hop,
                                                                         String parentKey) {
        CompletableFuture<List> children = env.<Key, List>getDataLoader(NAME)
                .load(new Key(hop, parentKey, AsOfContext.of(env)));
        return (CompletableFuture) children;
    }

    /** The first child, or null (a lot's producing batch). */
    public static <T extends LedgerRecord> CompletableFuture<T> first(DataFetchingEnvironment env, Hop hop,
                                                                    String parentKey) {
        return ChildLists.<T>load(env, hop, parentKey).thenApply(l -> l.isEmpty() ? null : l.getFirst());
    }

    private static Map<Key, List> load(Neighbours neighbours, Set<Key> keys) {
        Map<Key, List> lists = new HashMap<>();
        Map<List<Object>, List<Key>> groups = keys.stream()
                .collect(Collectors.groupingBy(k -> List.of(k.hop(), k.asOf())));
        groups.forEach((group, members) -> {
            Key first = members.getFirst();
            Map<String, List<LedgerRecord>> byParent = neighbours.all(first.hop(),
                    members.stream().map(Key::parentKey).toList(), first.asOf());
            members.forEach(k -> lists.put(k, byParent.getOrDefault(k.parentKey(), List.of())));
        });
        return lists;
    }
}
