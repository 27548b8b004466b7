package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.GenealogyEdge;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REQ-GENEALOGY-001, REQ-GENEALOGY-003, REQ-GENEALOGY-007, Correctness: on generated plants of several seeds and
 * shapes (with and without an injected
 * cycle) the trace equals an independent in-memory BFS over the generator's own edges — both directions, with and
 * without hop and node limits — and every returned path is a real shortest path. The server-side walk and the
 * driver's hop-by-hop walk give identical answers.
 */
@Tag("REQ-GENEALOGY-001")
@Tag("REQ-GENEALOGY-003")
@Tag("REQ-GENEALOGY-007")
class TraceMatchesReferenceIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final int[][] LIMITS = {{25, 100_000}, {3, 100_000}, {0, 100_000}, {25, 7}, {50, 1}};

    static Stream<Arguments> plants() {
        return Stream.of(
                Arguments.of(SyntheticPlant.of(1, PlantSize.TINY), false),
                Arguments.of(SyntheticPlant.of(2, PlantSize.TINY).withInjectedCycle(), true),
                Arguments.of(SyntheticPlant.of(3, PlantSize.ofBatches(48)), false),
                Arguments.of(SyntheticPlant.of(4, PlantSize.ofBatches(48)).withInjectedCycle(), true),
                Arguments.of(SyntheticPlant.of(5, new PlantSize("two-lines", 6, 2)), false));
    }

    @ParameterizedTest
    @MethodSource("plants")
    void traceEqualsInMemoryBfsForManyStartsBothDirectionsAndLimits(SyntheticPlant plant, boolean cyclic) {
        NEO4J.clean();
        new BulkLoader(NEO4J.db(), NEO4J.writer()).load("trace-ref:" + plant.seed(), plant.chunks(2_000), Actor.system("test"),
                "reference test", 0);
        List<GenealogyEdge> edges = plant.genealogyEdges().toList();
        Map<String, RecordRef> refs = refs(edges);
        var serverSide = new GenealogyTraversal(NEO4J.db());
        var hopByHop = GenealogyTraversal.hopByHop(NEO4J.db());
        Set<Object> seen = new HashSet<>();
        for (TraceDirection direction : TraceDirection.values()) {
            var adj = ReferenceTrace.adjacency(edges, direction);
            for (RecordRef start : starts(refs)) {
                for (int[] l : LIMITS) {
                    TraceResult got = serverSide.trace(start, direction, TraceLimits.of(l[0], l[1])).orElseThrow();
                    assertMatches(got, ReferenceTrace.of(adj, start.key(), l[0], l[1]), adj);
                    // the driver's hop-by-hop walk (a server without our procedure) gives the very same answer
                    assertThat(hopByHop.trace(start, direction, TraceLimits.of(l[0], l[1])).orElseThrow())
                            .isEqualTo(got);
                    seen.add(got.complete() ? "complete" : got.truncatedBy());
                    seen.add(got.cycleDetected() ? "cycle" : "acyclic");
                }
            }
        }
        // the shapes exercise every outcome: complete, both limits, and the injected cycle where there is one
        assertThat(seen).contains("complete", Truncation.HOP_LIMIT, Truncation.NODE_BUDGET);
        assertThat(hasCycle(edges)).isEqualTo(cyclic);
        assertThat(seen.contains("cycle")).isEqualTo(cyclic);
    }

    private static void assertMatches(TraceResult got, ReferenceTrace want, Map<String, List<String>> adj) {
        Map<String, Integer> hops = new LinkedHashMap<>();
        got.nodes().forEach(n -> hops.put(n.ref().key(), n.hop()));
        String at = got.start() + " " + got.direction() + " " + got.limits();
        assertThat(hops).as(at).isEqualTo(want.hops());
        assertThat(got.complete()).as(at).isEqualTo(want.complete());
        assertThat(got.truncatedBy()).as(at).isEqualTo(want.truncatedBy());
        assertThat(got.cycleDetected()).as(at).isEqualTo(want.cycle());
        for (int i = 0; i < got.nodes().size(); i++) {
            List<RecordRef> path = got.path(i);
            assertThat(path).as(at).hasSize(got.nodes().get(i).hop() + 1).startsWith(got.start());
            for (int j = 1; j < path.size(); j++) {
                assertThat(adj.get(path.get(j - 1).key())).as(at).contains(path.get(j).key());
            }
        }
        got.links().forEach(l -> assertThat(hops).as(at).containsKeys(l.from().key(), l.to().key()));
    }

    private static boolean hasCycle(List<GenealogyEdge> edges) {
        var adj = ReferenceTrace.adjacency(edges, TraceDirection.DOWNSTREAM);
        return edges.stream().anyMatch(e -> ReferenceTrace.of(adj, e.fromKey(), 50, 1_000_000).cycle());
    }

    /** Lot or Batch for each key: the generator names lots {@code synthplant:LOT-n} and batches {@code synthplant:B-…}. */
    private static Map<String, RecordRef> refs(List<GenealogyEdge> edges) {
        Map<String, RecordRef> refs = new LinkedHashMap<>();
        for (GenealogyEdge e : edges) {
            for (String key : List.of(e.fromKey(), e.toKey())) {
                refs.putIfAbsent(key, new RecordRef(key.contains(":LOT-") ? RecordType.LOT : RecordType.BATCH, key));
            }
        }
        return refs;
    }

    /** About a dozen starts spread over the plant: lots and batches, sources, middles and ends. */
    private static List<RecordRef> starts(Map<String, RecordRef> refs) {
        List<RecordRef> all = List.copyOf(refs.values());
        int step = Math.max(1, all.size() / 12);
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % step == 0).mapToObj(all::get).toList();
    }
}
