package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-PERF-001, linear on diamonds and supernodes: a trace costs a small constant amount of work per reached
 * node and edge — counted by the server-side walk itself, and as PROFILEd db hits of the hop-by-hop queries — however many paths reconverge — the 6^12 (2 billion) paths
 * through a ladder of 12 six-wide diamonds cost what its 228 edges cost.
 */
@Tag("REQ-PERF-001")
class TraceIsLinearIT {
    /** Database hits allowed per reached node plus reached edge. */
    static final double MAX_HITS_PER_ELEMENT = 8;
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static GenealogyTraversal serverSide;
    private static GenealogyTraversal hopByHop;

    @BeforeAll
    static void load() {
        NEO4J.clean();
        var writer = NEO4J.writer();
        writer.write(new WriteRequest(Reconverging.ladder("l3:", 3, 6), Actor.system("test"), "ladder", "l3"));
        writer.write(new WriteRequest(Reconverging.ladder("l12:", 12, 6), Actor.system("test"), "ladder", "l12"));
        writer.write(new WriteRequest(Reconverging.fan("fan:", 2_000), Actor.system("test"), "fan", "fan"));
        new BulkLoader(NEO4J.db(), writer).load("linear:demo", SyntheticPlant.of(11, PlantSize.DEMO).chunks(5_000),
                Actor.system("test"), "linearity test", 0);
        serverSide = new GenealogyTraversal(NEO4J.db());
        hopByHop = GenealogyTraversal.hopByHop(NEO4J.db());
    }

    @Test
    void aLadderOf12DiamondsCostsPerEdgeWhatALadderOf3Costs() {
        double three = hitsPerElement(lot("l3:L0"), TraceDirection.DOWNSTREAM, 43);
        double twelve = hitsPerElement(lot("l12:L0"), TraceDirection.DOWNSTREAM, 169);
        assertThat(twelve).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT).isLessThanOrEqualTo(three * 1.1);
        assertThat(hitsPerElement(lot("l12:L12"), TraceDirection.UPSTREAM, 169)).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT);
    }

    @Test
    void aSupernodeConsumedBy2000BatchesCostsAConstantPerEdge() {
        assertThat(hitsPerElement(lot("fan:L0"), TraceDirection.DOWNSTREAM, 4_003)).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT);
        assertThat(hitsPerElement(lot("fan:L1"), TraceDirection.UPSTREAM, 4_003)).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT);
    }

    @Test
    void tracesOnAGeneratedPlantWithDiamondsAndSupernodesCostAConstantPerEdge() {
        List<String> starts = NEO4J.db().read(tx -> tx.run("""
                MATCH (l:Lot)-[:CONSUMED_IN]->(b:Batch)
                WITH l, count(b) AS fanOut ORDER BY fanOut DESC, l.key LIMIT 5
                RETURN l.key AS key""", java.util.Map.of()).list(r -> r.get("key").asString()));
        List<String> finished = NEO4J.db().read(tx -> tx.run("""
                MATCH (b:Batch)-[:PRODUCED]->(l:Lot) WHERE NOT (l)-[:CONSUMED_IN]->()
                RETURN l.key AS key ORDER BY key LIMIT 3""", java.util.Map.of()).list(r -> r.get("key").asString()));
        assertThat(starts).hasSize(5);
        assertThat(finished).hasSize(3);
        for (String key : starts) {
            assertThat(hitsPerElement(lot(key), TraceDirection.DOWNSTREAM, -1)).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT);
        }
        for (String key : finished) {
            assertThat(hitsPerElement(lot(key), TraceDirection.UPSTREAM, -1)).isLessThanOrEqualTo(MAX_HITS_PER_ELEMENT);
        }
    }

    /**
     * The larger of the two walks' work per element: the server-side procedure's own count (lookups, relationships,
     * neighbours) and the PROFILEd db hits of the hop-by-hop queries, each / (nodes + links) of a complete trace;
     * {@code expectedNodes} checked unless negative.
     */
    private static double hitsPerElement(RecordRef start, TraceDirection direction, int expectedNodes) {
        return Math.max(hitsPerElement(serverSide, start, direction, expectedNodes),
                hitsPerElement(hopByHop, start, direction, expectedNodes));
    }

    private static double hitsPerElement(GenealogyTraversal traversal, RecordRef start, TraceDirection direction,
                                         int expectedNodes) {
        var p = traversal.profile(start, direction, TraceLimits.of(50, 1_000_000)).orElseThrow();
        assertThat(p.result().complete()).isTrue();
        if (expectedNodes >= 0) {
            assertThat(p.result().nodes()).hasSize(expectedNodes);
        }
        double perElement = (double) p.dbHits() / (p.result().nodes().size() + p.result().links().size());
        System.out.printf("trace %s %s %s: %d nodes, %d links, %d work, %.2f per element%n",
                traversal == serverSide ? "server-side" : "hop by hop", start, direction,
                p.result().nodes().size(), p.result().links().size(), p.dbHits(), perElement);
        return perElement;
    }

    private static RecordRef lot(String key) {
        return new RecordRef(RecordType.LOT, key);
    }
}
