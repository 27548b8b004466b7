package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REQ-GENEALOGY-011: the walk's bookkeeping by node index gives the order the answer promises, checked against a
 * brute force written from the definition (text order of "from>to", smallest-ID parent in the previous hop) on
 * random reconverging genealogies (with sub-lots and duplicate edges) whose keys are prefixes of one another — "7"
 * and "7-1", where the text order of links differs from the order of their ends — or hold ">" themselves.
 */
@Tag("REQ-GENEALOGY-011")
class BfsOrderTest {
    private static final TraceLimits ALL = new TraceLimits(50, 1_000_000, Duration.ofSeconds(30));

    /** An edge as stored, downstream: lot → batch, batch → lot, lot → sub-lot. */
    record Stored(RecordRef from, RecordRef to) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ">", "->"})
    void linksComeInTheirTextOrderAndParentsAreTheSmallestIdsOnRandomGenealogies(String infix) {
        for (int seed = 0; seed < 40; seed++) {
            List<Stored> edges = randomGenealogy(new Random(seed), infix);
            RecordRef start = edges.getFirst().from();
            for (TraceDirection direction : TraceDirection.values()) {
                RecordRef from = direction == TraceDirection.DOWNSTREAM ? start : edges.getLast().to();
                TraceResult got = Bfs.walk(from, direction, ALL, System.nanoTime() + 30_000_000_000L,
                        expander(edges));
                assertMatchesDefinition(got, edges, "seed " + seed + " " + direction + " infix '" + infix + "'");
            }
        }
    }

    private static void assertMatchesDefinition(TraceResult got, List<Stored> edges, String at) {
        boolean down = got.direction() == TraceDirection.DOWNSTREAM;
        Map<RecordRef, List<RecordRef>> next = new HashMap<>();
        for (Stored e : edges) {
            next.computeIfAbsent(down ? e.from() : e.to(), k -> new ArrayList<>()).add(down ? e.to() : e.from());
        }
        // hops by plain BFS; the parent of a node: the smallest ID among its predecessors one hop closer
        Map<RecordRef, Integer> hop = new LinkedHashMap<>();
        hop.put(got.start(), 0);
        List<RecordRef> level = List.of(got.start());
        for (int h = 1; !level.isEmpty(); h++) {
            TreeSet<String> fresh = new TreeSet<>();
            for (RecordRef n : level) {
                for (RecordRef m : next.getOrDefault(n, List.of())) {
                    if (!hop.containsKey(m)) {
                        fresh.add(m.toString());
                    }
                }
            }
            level = fresh.stream().map(RecordRef::parse).toList();
            for (RecordRef n : level) {
                hop.put(n, h);
            }
        }
        assertThat(got.nodes()).as(at).extracting(TracedNode::ref).containsExactlyElementsOf(hop.keySet());
        for (TracedNode n : got.nodes()) {
            assertThat(n.hop()).as(at).isEqualTo(hop.get(n.ref()));
            if (n.hop() > 0) {
                String smallest = next.entrySet().stream()
                        .filter(e -> hop.get(e.getKey()) != null && hop.get(e.getKey()) == n.hop() - 1
                                && e.getValue().contains(n.ref()))
                        .map(e -> e.getKey().toString()).min(String::compareTo).orElseThrow();
                assertThat(got.nodes().get(n.parent()).ref().toString()).as(at + " parent of " + n.ref())
                        .isEqualTo(smallest);
            }
        }
        TreeSet<String> links = new TreeSet<>();
        for (Stored e : edges) {
            if (hop.containsKey(e.from()) && hop.containsKey(e.to())) {
                links.add(new TraceLink(e.from(), e.to()).sortKey());
            }
        }
        assertThat(got.links()).as(at).extracting(TraceLink::sortKey).containsExactlyElementsOf(links);
    }

    /**
     * Layers of lots and batches, each batch consuming one to three lots of the layer before and making a lot or
     * two, some lots divided into a sub-lot; every tenth edge stored twice. Keys "n", "n-1", "n-12" … share
     * prefixes; {@code infix} goes into some keys.
     */
    private static List<Stored> randomGenealogy(Random random, String infix) {
        List<Stored> edges = new ArrayList<>();
        List<RecordRef> lots = new ArrayList<>(List.of(lot("1")));
        int serial = 2;
        for (int layer = 0; layer < 5; layer++) {
            List<RecordRef> made = new ArrayList<>();
            int batches = 1 + random.nextInt(4);
            for (int b = 0; b < batches; b++) {
                RecordRef batch = new RecordRef(RecordType.BATCH, key(random, serial++, infix));
                for (int i = 0, n = 1 + random.nextInt(Math.min(3, lots.size())); i < n; i++) {
                    add(edges, random, new Stored(lots.get(random.nextInt(lots.size())), batch));
                }
                for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
                    RecordRef lot = lot(key(random, serial++, infix));
                    add(edges, random, new Stored(batch, lot));
                    made.add(lot);
                    if (random.nextInt(4) == 0) {
                        RecordRef subLot = lot(lot.key() + "-" + random.nextInt(3));
                        add(edges, random, new Stored(lot, subLot));
                        made.add(subLot);
                    }
                }
            }
            lots = made;
        }
        // one sink at the end, reached from every lot of the last layer, so an upstream trace reaches far
        RecordRef sink = new RecordRef(RecordType.BATCH, "9");
        lots.forEach(l -> edges.add(new Stored(l, sink)));
        edges.add(new Stored(sink, lot("9")));
        return edges;
    }

    private static void add(List<Stored> edges, Random random, Stored edge) {
        edges.add(edge);
        if (random.nextInt(10) == 0) {
            edges.add(edge);
        }
    }

    private static String key(Random random, int serial, String infix) {
        String base = String.valueOf(serial % 7 + 1);
        return switch (random.nextInt(4)) {
            case 0 -> base;
            case 1 -> base + "-" + serial;
            case 2 -> base + infix + serial;
            default -> base + "-" + serial + "0";
        };
    }

    private static RecordRef lot(String key) {
        return new RecordRef(RecordType.LOT, key);
    }

    /** Edges out of the frontier as the store would give them: lots' sub-lot edges flagged. */
    private static Bfs.Expander expander(List<Stored> edges) {
        return (keys, type, direction) -> {
            boolean down = direction == TraceDirection.DOWNSTREAM;
            List<Bfs.Edge> out = new ArrayList<>();
            for (String key : keys) {
                RecordRef node = new RecordRef(type, key);
                for (Stored e : edges) {
                    RecordRef near = down ? e.from() : e.to();
                    RecordRef far = down ? e.to() : e.from();
                    if (near.equals(node)) {
                        out.add(new Bfs.Edge(key, far.key(), near.type() == far.type()));
                    }
                }
            }
            return out;
        };
    }
}
