package org.batchledger.hub.genealogy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.hub.api.NotFoundException;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.schema.record.RecordRef;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Traces, each kept for {@code batchledger.trace.cache-seconds} (default 60 s; 0 turns it off) per (start,
 * direction, limits, asOf) so that fetching page after page of a large trace does not walk the graph again. The cache
 * is bounded by the nodes it holds, not by entries.
 */
@Service
class TraceService {
    static final Duration TIME_BUDGET = Duration.ofSeconds(20);
    static final long MAX_CACHED_NODES = 2_000_000;

    private final GenealogyTraversal traversal;
    private final Duration keep;
    private final Map<Key, Cached> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedNodes;

    TraceService(GenealogyTraversal traversal, @Value("${batchledger.trace.cache-seconds:60}") long keepSeconds) {
        this.traversal = traversal;
        this.keep = Duration.ofSeconds(keepSeconds);
    }

    private record Key(RecordRef start, TraceDirection direction, int maxHops, int maxNodes, AsOf asOf) {
    }

    private record Cached(TraceResult result, long at) {
    }

    TraceResult trace(RecordRef start, TraceDirection direction, TraceLimits limits, AsOf asOf) {
        Key key = new Key(start, direction, limits.maxHops(), limits.maxNodes(), asOf);
        TraceResult hit = lookup(key);
        if (hit != null) {
            return hit;
        }
        TraceResult result = traversal.trace(start, direction, limits, asOf)
                .orElseThrow(() -> new NotFoundException(start.toString()));
        if (!keep.isZero() && result.truncatedBy() != org.batchledger.lineage.genealogy.Truncation.DEADLINE) {
            keep(key, result);
        }
        return result;
    }

    private synchronized TraceResult lookup(Key key) {
        Cached c = cache.get(key);
        return c != null && System.nanoTime() - c.at() < keep.toNanos() ? c.result() : null;
    }

    private synchronized void keep(Key key, TraceResult result) {
        Cached old = cache.put(key, new Cached(result, System.nanoTime()));
        cachedNodes += result.nodes().size() - (old == null ? 0 : old.result().nodes().size());
        var it = cache.values().iterator();
        while (cachedNodes > MAX_CACHED_NODES && it.hasNext()) {
            cachedNodes -= it.next().result().nodes().size();
            it.remove();
        }
    }
}
