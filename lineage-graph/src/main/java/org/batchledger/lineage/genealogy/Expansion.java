package org.batchledger.lineage.genealogy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.summary.ProfiledPlan;

/**
 * One hop of the whole frontier: the edges leaving it, as (from key, to key) pairs. Large frontiers go in slices
 * so no single parameter list grows without bound; each slice is one query.
 */
final class Expansion implements Bfs.Expander {
    static final int SLICE = 10_000;

    private final Tx tx;
    private final boolean profile;
    private final AsOf asOf;
    private final boolean subLots;
    private long dbHits;

    /** {@code subLots}: the graph holds {@code SUBLOT_OF} edges, so lots expand into them too. */
    Expansion(Tx tx, boolean profile, AsOf asOf, boolean subLots) {
        this.tx = tx;
        this.profile = profile;
        this.asOf = asOf;
        this.subLots = subLots;
    }

    @Override
    public List<Bfs.Edge> expand(List<String> frontier, RecordType frontierType, TraceDirection direction) {
        String cypher = (profile ? "PROFILE " : "") + HopQueries.from(frontierType, direction, asOf, subLots);
        List<Bfs.Edge> edges = new ArrayList<>();
        for (int i = 0; i < frontier.size(); i += SLICE) {
            Map<String, Object> params = new java.util.HashMap<>(asOf.parameters());
            params.put("keys", frontier.subList(i, Math.min(frontier.size(), i + SLICE)));
            var result = tx.run(cypher, params);
            result.forEachRemaining(r -> edges.add(new Bfs.Edge(r.get("from").asString(), r.get("to").asString(),
                    r.get("subLot").asBoolean())));
            if (profile) {
                dbHits += hits(result.consume().profile());
            }
        }
        return edges;
    }

    /** Database hits of all profiled queries so far (0 unless profiling). */
    long dbHits() {
        return dbHits;
    }

    private static long hits(ProfiledPlan plan) {
        long sum = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            sum += hits(child);
        }
        return sum;
    }
}
