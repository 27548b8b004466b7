package org.batchledger.verifier.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batchledger.verifier.proof.Sha256;

/**
 * The genealogy from the package's own genealogy records: each edge of genealogy.json is a {@code CONSUMED_IN}
 * (lot → batch) or {@code PRODUCED} (batch → lot) record whose entry is in the package, or a lot → sub-lot link
 * ({@code SUBLOT_OF}) declared by the sub-lot's first Lot entry naming its {@code parentLotKey}, and the upstream walk
 * from the subject over those records gives exactly the nodes and edges listed. A release disposition signs a
 * snapshot of that walk as of its tree size (hub: {@code GenealogySnapshot}): the sorted node IDs
 * ({@code Label:key}, the batch included) and sorted edges ({@code from>to}), each followed by a newline, hashed
 * with SHA-256; re-walking only the records committed by that size must give the same two hashes.
 */
final class GenealogyCheck {
    private static final String FILE = "genealogy.json";
    /** The hub's release trace limits (ReleaseReadiness.DEFAULT_LIMITS): 25 hops, 100,000 nodes. */
    static final int MAX_HOPS = 25;
    static final int MAX_NODES = 100_000;

    private GenealogyCheck() {
    }

    /** A downstream-pointing genealogy edge and the entry of the record that declares it. */
    record Edge(String from, String to, long seq) {
        String sortKey() {
            return from + ">" + to;
        }
    }

    /** Nodes (with their hop) and edges of one walk, or the reason it was cut. */
    record Walk(TreeSet<String> nodes, TreeSet<String> edges, String cut, Map<String, Integer> hops) {
    }

    /** Whether the package is of scope RECALL: its genealogy is the recalled lot's downstream walk. */
    static boolean isRecall(Bundle b) {
        return "RECALL".equals(b.manifest.get("scope"));
    }

    static Check edges(Bundle b) throws Json.JsonException {
        String name = "genealogy-edges";
        Map<String, Object> g = b.json(FILE);
        List<Edge> declared = declaredEdges(b);
        List<String> problems = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (Map<String, Object> e : Fields.objects(g, "edges", FILE)) {
            long seq = Fields.number(e, "seq", FILE + " edges");
            String from = Fields.text(e, "from", FILE);
            String to = Fields.text(e, "to", FILE);
            boolean matches = declared.stream().anyMatch(d -> d.seq() == seq && d.from().equals(from)
                    && d.to().equals(to));
            if (!matches) {
                problems.add("edge " + from + ">" + to + " names entry " + seq
                        + ", whose genealogy record in the package does not declare it");
            }
            listed.add(from + ">" + to);
        }
        Set<String> nodes = new TreeSet<>();
        for (Map<String, Object> n : Fields.objects(g, "nodes", FILE)) {
            nodes.add(Fields.text(n, "id", FILE + " nodes"));
        }
        String start = Fields.text(b.manifest, "subject", EvidenceVerifier.MANIFEST);
        boolean down = isRecall(b);
        String direction = down ? "DOWNSTREAM" : "UPSTREAM";
        if (!direction.equals(g.get("direction"))) {
            problems.add(FILE + " is a walk " + g.get("direction") + ", but a " + b.manifest.get("scope")
                    + " package's genealogy is the walk " + direction + " from " + start);
        }
        if (!Boolean.TRUE.equals(g.get("complete"))) {
            return problems.isEmpty() ? Check.skip(name, "the export's trace was cut (" + g.get("truncatedBy")
                    + "): edges match their records, the walk is not compared")
                    : Check.fail(name, EvidenceVerifier.summary(problems));
        }
        if (start.startsWith("Batch:") || start.startsWith("Lot:")) {
            long size = b.asOf == null ? Long.MAX_VALUE : b.asOf.treeSize();
            Walk walk = down ? walk(start, declared, size, true, RecallCheck.maxHops(b), RecallCheck.maxNodes(b))
                    : walk(start, declared, size);
            if (!walk.nodes().equals(nodes) || !walk.edges().equals(listed)) {
                problems.add("the " + direction.toLowerCase(java.util.Locale.ROOT)
                        + " walk over the package's genealogy records reaches " + walk.nodes().size()
                        + " nodes and " + walk.edges().size() + " edges, " + FILE + " lists " + nodes.size() + " and "
                        + listed.size() + difference(walk.edges(), listed));
            }
        }
        return problems.isEmpty() ? Check.pass(name, listed.size() + " edges, each declared by its record; the walk "
                + "from " + start + " re-run over them reaches the " + nodes.size() + " nodes listed")
                : Check.fail(name, EvidenceVerifier.summary(problems));
    }

    static Check snapshot(Bundle b) throws Json.JsonException {
        String name = "genealogy-snapshot";
        String start = Fields.text(b.manifest, "subject", EvidenceVerifier.MANIFEST);
        if (isRecall(b)) {
            return Check.skip(name, "a RECALL package holds the affected batches' dispositions but not their "
                    + "upstream genealogy; each batch's own package checks its snapshot");
        }
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Bundle.Entry e : b.entries.values()) {
            if (!e.type().equals("Disposition")) {
                continue;
            }
            Map<String, Object> d = b.record(e.seq());
            if (d == null || !start.equals("Batch:" + d.get("batchKey"))) {
                continue;
            }
            String where = "disposition " + e.id();
            long size = Fields.number(d, "snapshotTreeSize", where);
            Walk walk = walk(start, declaredEdges(b), size);
            if (walk.cut() != null) {
                problems.add(where + ": the re-run walk is cut (" + walk.cut() + "), so it cannot be compared");
                continue;
            }
            compared++;
            if (!digest(walk.nodes()).equals(d.get("upstreamNodesSha256"))
                    || !Fields.same(d.get("upstreamNodeCount"), new java.math.BigDecimal(walk.nodes().size()))) {
                problems.add(where + " signed upstream nodes " + d.get("upstreamNodesSha256") + " ("
                        + d.get("upstreamNodeCount") + "); the package's records as of " + size + " give "
                        + digest(walk.nodes()) + " (" + walk.nodes().size() + ")");
            }
            if (!digest(walk.edges()).equals(d.get("upstreamEdgesSha256"))
                    || !Fields.same(d.get("upstreamEdgeCount"), new java.math.BigDecimal(walk.edges().size()))) {
                problems.add(where + " signed upstream edges " + d.get("upstreamEdgesSha256") + " ("
                        + d.get("upstreamEdgeCount") + "); the package's records as of " + size + " give "
                        + digest(walk.edges()) + " (" + walk.edges().size() + ")");
            }
        }
        if (!problems.isEmpty()) {
            return Check.fail(name, EvidenceVerifier.summary(problems));
        }
        return compared == 0 ? Check.skip(name, "the package holds no release disposition of " + start)
                : Check.pass(name, compared + " disposition snapshot(s) of " + start
                + " recomputed from the package's genealogy records");
    }

    /**
     * Every CONSUMED_IN and PRODUCED record of the package as the edge it declares, and every sub-lot's link from its
     * lot: it exists from the later of the two lots' first entries (a sub-lot may arrive before its lot).
     */
    static List<Edge> declaredEdges(Bundle b) throws Json.JsonException {
        List<Edge> edges = new ArrayList<>();
        Map<String, Long> firstLot = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (Bundle.Entry e : b.entries.values()) {
            if (e.type().equals("Lot") && bound(b, e)) {
                firstLot.merge(e.key(), e.seq(), Math::min);
                Object parent = b.record(e.seq()).get("parentLotKey");
                if (parent instanceof String p) {
                    parentOf.put(e.key(), p);
                }
            }
        }
        for (var sub : parentOf.entrySet()) {
            Long parentSeq = firstLot.get(sub.getValue());
            if (parentSeq != null) {
                edges.add(new Edge("Lot:" + sub.getValue(), "Lot:" + sub.getKey(),
                        Math.max(parentSeq, firstLot.get(sub.getKey()))));
            }
        }
        for (Bundle.Entry e : b.entries.values()) {
            boolean consumed = e.type().equals("CONSUMED_IN");
            if (!consumed && !e.type().equals("PRODUCED")) {
                continue;
            }
            Map<String, Object> r = b.record(e.seq());
            if (r == null || !e.contentHash().equals(Bundle.sha256(b.pkg.get("records/" + e.seq() + ".json")))) {
                continue; // the records check names it; an unbound record declares nothing
            }
            String lot = "Lot:" + Fields.text(r, "lotKey", e.where());
            String batch = "Batch:" + Fields.text(r, "batchKey", e.where());
            edges.add(consumed ? new Edge(lot, batch, e.seq()) : new Edge(batch, lot, e.seq()));
        }
        return edges;
    }

    /** Whether the entry's record is in the package and bound to it by its content hash. */
    private static boolean bound(Bundle b, Bundle.Entry e) throws Json.JsonException {
        return b.record(e.seq()) != null
                && e.contentHash().equals(Bundle.sha256(b.pkg.get("records/" + e.seq() + ".json")));
    }

    /** Breadth-first upstream from {@code start} over the edges committed by {@code treeSize}, release limits. */
    static Walk walk(String start, List<Edge> all, long treeSize) {
        return walk(start, all, treeSize, false, MAX_HOPS, MAX_NODES);
    }

    /**
     * Breadth-first from {@code start}, upstream or {@code downstream}, over the edges committed by
     * {@code treeSize}: every edge into (upstream) or out of (downstream) a reached node is kept and its other end
     * reached, as the hub's trace does; cut like the hub's trace by {@code maxHops} and {@code maxNodes}.
     */
    static Walk walk(String start, List<Edge> all, long treeSize, boolean downstream, int maxHops, int maxNodes) {
        Map<String, List<Edge>> next = new HashMap<>();
        for (Edge e : all) {
            if (e.seq() <= treeSize) {
                next.computeIfAbsent(downstream ? e.from() : e.to(), k -> new ArrayList<>()).add(e);
            }
        }
        TreeSet<String> nodes = new TreeSet<>(List.of(start));
        Map<String, Integer> hops = new HashMap<>(Map.of(start, 0));
        TreeSet<String> edges = new TreeSet<>();
        Set<String> frontier = new HashSet<>(List.of(start));
        for (int hop = 0; !frontier.isEmpty(); hop++) {
            Set<String> reached = new HashSet<>();
            for (String node : frontier) {
                for (Edge e : next.getOrDefault(node, List.of())) {
                    edges.add(e.sortKey());
                    String other = downstream ? e.to() : e.from();
                    if (nodes.add(other)) {
                        reached.add(other);
                        hops.put(other, hop + 1);
                    }
                }
            }
            if (!reached.isEmpty() && hop == maxHops) {
                return new Walk(nodes, edges, "HOP_LIMIT", hops);
            }
            if (nodes.size() > maxNodes) {
                return new Walk(nodes, edges, "NODE_BUDGET", hops);
            }
            frontier = reached;
        }
        return new Walk(nodes, edges, null, hops);
    }

    /** Up to three edges on one side only, to name what was dropped or added. */
    private static String difference(Set<String> walked, Set<String> listed) {
        List<String> out = new ArrayList<>();
        walked.stream().filter(e -> !listed.contains(e)).limit(3).forEach(e -> out.add("not listed: " + e));
        listed.stream().filter(e -> !walked.contains(e)).limit(3).forEach(e -> out.add("not walked: " + e));
        return out.isEmpty() ? "" : " (" + String.join(", ", out) + ")";
    }

    static String digest(TreeSet<String> sorted) {
        MessageDigest d = Sha256.digest();
        sorted.forEach(s -> d.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }
}
