package org.batchledger.hub.release;

import graphql.relay.Connection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.api.paging.Paging;
import org.batchledger.lineage.release.ReleaseQueue;
import org.batchledger.lineage.release.ReleaseQueue.Item;
import org.batchledger.lineage.release.Verdict;

/**
 * {@code ReleaseQueueConnection}: a Relay connection with the counts the queue adds. It is a graphql-java
 * {@link Connection}, which Spring's connection adapter passes through as it is.
 */
final class QueueConnection implements Connection<Item> {
    private final List<Edge<Item>> edges = new ArrayList<>();
    private final PageInfo pageInfo;
    private final int totalCount;
    private final List<Views.VerdictCount> countsByVerdict = new ArrayList<>();

    QueueConnection(ReleaseQueue.QueuePage queue) {
        var page = queue.page();
        for (int i = 0; i < page.items().size(); i++) {
            edges.add(new DefaultEdge<>(page.items().get(i), new DefaultConnectionCursor(Paging.cursor(page.keys().get(i)))));
        }
        this.pageInfo = new DefaultPageInfo(edges.isEmpty() ? null : edges.getFirst().getCursor(),
                edges.isEmpty() ? null : edges.getLast().getCursor(), page.hasPrevious(), page.hasNext());
        this.totalCount = queue.totalCount();
        for (Verdict v : Verdict.values()) {
            countsByVerdict.add(new Views.VerdictCount(v, queue.countsByVerdict().getOrDefault(v, 0)));
        }
    }

    @Override
    public List<Edge<Item>> getEdges() {
        return edges;
    }

    @Override
    public PageInfo getPageInfo() {
        return pageInfo;
    }

    public int getTotalCount() {
        return totalCount;
    }

    public List<Views.VerdictCount> getCountsByVerdict() {
        return countsByVerdict;
    }
}
