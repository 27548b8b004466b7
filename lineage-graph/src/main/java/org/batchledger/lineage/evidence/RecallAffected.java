package org.batchledger.lineage.evidence;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.genealogy.TraceLink;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.schema.record.RecordType;

/**
 * The affected set a RECALL package states in its manifest: every lot and batch downstream of the recalled lot as
 * of the as-of size, each with its hop, its status and whether it is finished product (a lot of a FINISHED_PRODUCT
 * material, or a batch that produced one: the items {@code recallImpact} lists). Status and kind are read from
 * the newest record versions in the package, the way the verifier re-derives them, so the two agree by construction
 * and a dropped node, edge or record shows.
 */
final class RecallAffected {
    static final String FINISHED = "FINISHED_PRODUCT";

    /** One affected node. */
    record Node(String id, int hop, String status, boolean finishedProduct) {
    }

    private final TraceResult trace;
    private final List<Node> nodes;

    private RecallAffected(TraceResult trace, List<Node> nodes) {
        this.trace = trace;
        this.nodes = nodes;
    }

    static RecallAffected of(TraceResult trace, BatchEvidence content) {
        Map<String, Boolean> finishedLot = new HashMap<>();
        for (TracedNode n : trace.nodes()) {
            if (n.ref().type() == RecordType.LOT) {
                JsonObject lot = content.newest(n.ref().toString());
                String material = lot == null ? null : lot.getString("materialKey", null);
                JsonObject m = material == null ? null : content.newest("Material:" + material);
                finishedLot.put(n.ref().toString(), m != null && FINISHED.equals(m.getString("kind", null)));
            }
        }
        Map<String, Boolean> finishedBatch = new HashMap<>();
        for (TraceLink l : trace.links()) {
            if (l.from().type() == RecordType.BATCH && finishedLot.getOrDefault(l.to().toString(), false)) {
                finishedBatch.put(l.from().toString(), true);
            }
        }
        List<Node> out = new ArrayList<>();
        for (TracedNode n : trace.nodes()) {
            if (n.hop() == 0) {
                continue;
            }
            String id = n.ref().toString();
            JsonObject r = content.newest(id);
            out.add(new Node(id, n.hop(), r == null ? null : r.getString("status", null),
                    (n.ref().type() == RecordType.LOT ? finishedLot : finishedBatch).getOrDefault(id, false)));
        }
        out.sort(Comparator.comparingInt(Node::hop).thenComparing(Node::id));
        return new RecallAffected(trace, out);
    }

    /** The manifest's {@code recall} member (docs/evidence-package.md). */
    JsonObject manifestMember() {
        JsonArrayBuilder affected = JsonFiles.JSON.createArrayBuilder();
        int batches = 0;
        int finished = 0;
        for (Node n : nodes) {
            affected.add(JsonFiles.JSON.createObjectBuilder().add("id", n.id()).add("hop", n.hop())
                    .add("status", n.status() == null ? JsonValue.NULL : JsonFiles.JSON.createValue(n.status()))
                    .add("finishedProduct", n.finishedProduct()));
            batches += n.id().startsWith("Batch:") ? 1 : 0;
            finished += n.finishedProduct() ? 1 : 0;
        }
        return JsonFiles.JSON.createObjectBuilder()
                .add("lot", trace.start().toString())
                .add("direction", "DOWNSTREAM")
                .add("limits", JsonFiles.JSON.createObjectBuilder().add("maxHops", trace.limits().maxHops())
                        .add("maxNodes", trace.limits().maxNodes()))
                .add("complete", trace.complete())
                .add("truncatedBy", trace.truncatedBy() == null ? JsonValue.NULL
                        : JsonFiles.JSON.createValue(trace.truncatedBy().name()))
                .add("affectedBatches", batches).add("affectedLots", nodes.size() - batches)
                .add("finishedProduct", finished)
                .add("affected", affected).build();
    }
}
