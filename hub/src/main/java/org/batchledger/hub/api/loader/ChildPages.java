package org.batchledger.hub.api.loader;

import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Paged child lists (connections with {@code first}/{@code after}) through one DataLoader: all parents asking for
 * the same hop and page at the same asOf are answered by one query.
 */
@Component
public class ChildPages {
    private static final String NAME = ChildPages.class.getName();

    /** One parent's request for one page of children along one hop, as of a tree size (or current). */
    record Key(Hop hop, String parentKey, PageRequest page, AsOf asOf) {
    }

    ChildPages(BatchLoaderRegistry registry, Neighbours neighbours) {
        registry.<Key, Page>forName(NAME).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> load(neighbours, keys)));
    }

    /** A page of the parent's children, read at the asOf of the field's subtree. */
    public static CompletableFuture<Page> load(DataFetchingEnvironment env, Hop hop, String parentKey, Integer first,
                                               String after) {
        return env.<Key, Page>getDataLoader(NAME)
                .load(new Key(hop, parentKey, Paging.of(first, after), AsOfContext.of(env)));
    }

    private static Map<Key, Page> load(Neighbours neighbours, Set<Key> keys) {
        Map<Key, Page> pages = new HashMap<>();
        Map<List<Object>, List<Key>> groups = keys.stream()
                .collect(Collectors.groupingBy(k -> List.of(k.hop(), k.page(), k.asOf())));
        groups.forEach((group, members) -> {
            Key first = members.getFirst();
            Map<String, ? extends Page<?>> byParent = neighbours.page(first.hop(),
                    members.stream().map(Key::parentKey).toList(), first.page(), first.asOf());
            members.forEach(k -> pages.put(k, byParent.get(k.parentKey())));
        });
        return pages;
    }
}
