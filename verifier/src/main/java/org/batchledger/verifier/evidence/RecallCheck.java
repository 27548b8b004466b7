package org.batchledger.verifier.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code recall-impact}: a RECALL package's manifest states the affected set (every lot and batch downstream of the
 * recalled lot as of the as-of size, with hop, status and whether it is finished product); this check re-runs the
 * downstream walk from the lot over the package's own {@code CONSUMED_IN} and {@code PRODUCED} records and derives
 * each node's status and kind from the newest record versions in the package. A batch or lot the walk reaches but
 * the manifest leaves out, or one it lists that the records do not reach (a dropped edge), fails naming it.
 */
final class RecallCheck {
    static final String NAME = "recall-impact";
    /** The hub's widest trace limits (TraceLimits.MAX_HOPS, MAX_NODES): a manifest asking for more is refused. */
    static final int MAX_HOPS = 50;
    static final int MAX_NODES = 1_000_000;
    private static final String FINISHED = "FINISHED_PRODUCT";

    private RecallCheck() {
    }

    static Map<String, Object> recall(Bundle b) {
        return Fields.object(b.manifest, "recall", EvidenceVerifier.MANIFEST);
    }

    static int maxHops(Bundle b) {
        long hops = Fields.number(Fields.object(recall(b), "limits", "manifest.json recall"), "maxHops",
                "manifest.json recall limits");
        if (hops < 0 || hops > MAX_HOPS) {
            throw new Fields.BadField("manifest.json recall limits maxHops is " + hops + ", not 0.." + MAX_HOPS);
        }
        return (int) hops;
    }

    static int maxNodes(Bundle b) {
        long nodes = Fields.number(Fields.object(recall(b), "limits", "manifest.json recall"), "maxNodes",
                "manifest.json recall limits");
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new Fields.BadField("manifest.json recall limits maxNodes is " + nodes + ", not 1.." + MAX_NODES);
        }
        return (int) nodes;
    }

    static Check check(Bundle b) throws Json.JsonException {
        if (!GenealogyCheck.isRecall(b)) {
            return Check.skip(NAME, "not a RECALL package");
        }
        String where = EvidenceVerifier.MANIFEST + " recall";
        Map<String, Object> recall = recall(b);
        String lot = Fields.text(recall, "lot", where);
        String subject = Fields.text(b.manifest, "subject", EvidenceVerifier.MANIFEST);
        if (!lot.equals(subject) || !lot.startsWith("Lot:")) {
            return Check.fail(NAME, where + " names lot " + lot + ", the manifest's subject is " + subject);
        }
        if (b.asOf == null) {
            return Check.fail(NAME, "no verified as-of checkpoint to pin the walk to");
        }
        List<GenealogyCheck.Edge> edges = GenealogyCheck.declaredEdges(b);
        GenealogyCheck.Walk walk = GenealogyCheck.walk(lot, edges, b.asOf.treeSize(), true, maxHops(b), maxNodes(b));
        if (!Boolean.TRUE.equals(recall.get("complete")) || walk.cut() != null) {
            return Check.skip(NAME, "the affected set is INCOMPLETE: the export's walk was cut ("
                    + recall.get("truncatedBy") + "), the re-run one " + (walk.cut() == null ? "was not"
                    : "by " + walk.cut()) + "; the lots and batches listed are not all that is affected");
        }

        Map<String, Map<String, Object>> newest = newestRecords(b);
        Set<String> finishedLots = new TreeSet<>();
        for (String node : walk.nodes()) {
            if (node.startsWith("Lot:") && isFinished(newest.get(node), newest)) {
                finishedLots.add(node);
            }
        }
        Set<String> finishedBatches = new TreeSet<>();
        for (String e : walk.edges()) {
            String[] ends = e.split(">", 2);
            if (ends[0].startsWith("Batch:") && finishedLots.contains(ends[1])) {
                finishedBatches.add(ends[0]);
            }
        }

        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> listed = new HashMap<>();
        for (Map<String, Object> a : Fields.objects(recall, "affected", where)) {
            String id = Fields.text(a, "id", where + " affected");
            if (listed.put(id, a) != null) {
                problems.add(where + " lists " + id + " twice");
            }
        }
        int batches = 0;
        int finished = 0;
        for (String node : walk.nodes()) {
            if (node.equals(lot)) {
                continue;
            }
            String kind = node.startsWith("Batch:") ? "batch" : "lot";
            Map<String, Object> a = listed.remove(node);
            if (a == null) {
                problems.add("the downstream walk over the package's genealogy records reaches affected " + kind
                        + " " + node + " (hop " + walk.hops().get(node) + "), which " + where + " does not list");
                continue;
            }
            batches += kind.equals("batch") ? 1 : 0;
            Map<String, Object> record = newest.get(node);
            Object status = record == null ? null : record.get("status");
            boolean fin = finishedLots.contains(node) || finishedBatches.contains(node);
            finished += fin ? 1 : 0;
            if (record == null) {
                problems.add("the package lacks the record of affected " + kind + " " + node);
            }
            if (!Fields.same(a.get("hop"), new BigDecimal(walk.hops().get(node)))) {
                problems.add(where + " gives " + node + " hop " + a.get("hop") + ", the walk reaches it at hop "
                        + walk.hops().get(node));
            }
            if (!java.util.Objects.equals(a.get("status"), status)) {
                problems.add(where + " gives " + node + " status " + a.get("status") + ", its newest record in the "
                        + "package says " + status);
            }
            if (!Boolean.valueOf(fin).equals(a.get("finishedProduct"))) {
                problems.add(where + " gives " + node + " finishedProduct " + a.get("finishedProduct")
                        + ", the package's records say " + fin);
            }
        }
        for (String id : new TreeSet<>(listed.keySet())) {
            problems.add(where + " lists " + id + ", which the downstream walk over the package's genealogy records"
                    + " does not reach (an edge or its record missing?)");
        }
        int lots = walk.nodes().size() - 1 - batches;
        if (problems.isEmpty() && (!Fields.same(recall.get("affectedBatches"), new BigDecimal(batches))
                || !Fields.same(recall.get("affectedLots"), new BigDecimal(lots))
                || !Fields.same(recall.get("finishedProduct"), new BigDecimal(finished)))) {
            problems.add(where + " counts " + recall.get("affectedBatches") + " batches, " + recall.get("affectedLots")
                    + " lots, " + recall.get("finishedProduct") + " finished product; its list holds " + batches + ", "
                    + lots + ", " + finished);
        }
        return problems.isEmpty() ? Check.pass(NAME, "the downstream walk from " + lot + " over the package's "
                + "genealogy records reaches the " + batches + " batches and " + lots + " lots listed as affected ("
                + finished + " finished product), with their hops and statuses")
                : Check.fail(NAME, EvidenceVerifier.summary(problems));
    }

    /** A lot is finished product when its material's newest record in the package is of kind FINISHED_PRODUCT. */
    private static boolean isFinished(Map<String, Object> lot, Map<String, Map<String, Object>> newest) {
        if (lot == null || !(lot.get("materialKey") instanceof String material)) {
            return false;
        }
        Map<String, Object> m = newest.get("Material:" + material);
        return m != null && FINISHED.equals(m.get("kind"));
    }

    /** The newest record version per record ID among entries whose record file is bound to them. */
    private static Map<String, Map<String, Object>> newestRecords(Bundle b) throws Json.JsonException {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Bundle.Entry e : b.entries.values()) { // in entry order: a later version replaces an earlier one
            if (e.seq() > b.asOf.treeSize()) {
                continue;
            }
            byte[] bytes = b.pkg.get("records/" + e.seq() + ".json");
            if (bytes == null || !e.contentHash().equals(Bundle.sha256(bytes))) {
                continue; // the records check names it
            }
            out.put(e.id(), Json.object(bytes));
        }
        return out;
    }
}
