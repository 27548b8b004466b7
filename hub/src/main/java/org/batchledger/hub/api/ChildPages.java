package org.batchledger.hub.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.batchledger.lineage.query.Neighbours;
import org.batchledger.lineage.query.Neighbours.Hop;
import org.batchledger.lineage.query.Page;
import org.batchledger.lineage.query.PageRequest;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Paged child lists (connections with {@code first}/{@code after}) through one DataLoader: all parents asking for
 * the same hop and page are answered by one query.
 */
@Component
public class ChildPages {
    /** One parent's request for one page of children along one hop. */
    public record Key(Hop hop, String parentKey, PageRequest page) {
    }

    ChildPages(BatchLoaderRegistry registry, Neighbours neighbours) {
        registry.forTypePair(Key.class, Page.class).registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> load(neighbours, keys)));
    }

    public static CompletableFuture<Page> load(DataLoader<Key, Page> loader, Hop hop, String parentKey,
                                               Integer first, String after) {
        return loader.load(new Key(hop, parentKey, Paging.of(first, after)));
    }

    private static Map<Key, Page> load(Neighbours neighbours, Set<Key> keys) {
        Map<Key, Page> pages = new HashMap<>();
        Map<List<Object>, List<Key>> groups = keys.stream()
                .collect(Collectors.groupingBy(k -> List.of(k.hop(), k.page())));
        groups.forEach((group, members) -> {
            Hop hop = (Hop) group.get(0);
            PageRequest page = (PageRequest) group.get(1);
            Map<String, ? extends Page<?>> byParent =
                    neighbours.page(hop, members.stream().map(Key::parentKey).toList(), page);
            members.forEach(k -> pages.put(k, byParent.get(k.parentKey())));
        });
        return pages;
    }
}
