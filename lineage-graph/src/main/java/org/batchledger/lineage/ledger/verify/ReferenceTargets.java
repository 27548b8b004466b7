package org.batchledger.lineage.ledger.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.References;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Which targets of a page's references exist. A reference implies its edge exactly when its target's anchor exists
 * (an ingested record may name one that arrives later: no edge until then, see {@code PendingReferences}), so the
 * replay needs to know. A stored edge to the target proves it; only the others are looked up, one batched query per
 * target type, so a page without open references costs no query.
 */
final class ReferenceTargets {
    private static final String ANCHORS = "UNWIND $keys AS k MATCH (m:%s {key: k, version: 1}) RETURN k";

    private ReferenceTargets() {
    }

    static Set<RecordRef> present(Tx tx, List<LedgerEntry> entries, Map<Long, List<Map<String, Object>>> found) {
        Set<RecordRef> present = new HashSet<>();
        Map<RecordType, Set<String>> ask = new HashMap<>();
        for (LedgerEntry e : entries) {
            RecordType type = GraphReplay.typeOf(e);
            if (type == null || type.isRelationship()) {
                continue;
            }
            for (Map<String, Object> element : found.getOrDefault(e.seq(), List.of())) {
                Map<String, Object> props = GraphReplay.props(element);
                if (!Long.valueOf(1).equals(props.get("version"))) {
                    continue;
                }
                // a result naming only a sample: its edge depends on whether each candidate exists, so ask for all
                for (References.Ref ref : References.sampleCandidates(type, props)) {
                    ask.computeIfAbsent(ref.target().type(), t -> new HashSet<>()).add(ref.target().key());
                }
                Set<String> edges = outgoing(element);
                for (References.Ref ref : refs(type, props)) {
                    if (ref.isEndpoint()) {
                        continue;
                    }
                    if (edges.contains(ref.edge() + " " + ref.target())) {
                        present.add(ref.target());
                    } else {
                        ask.computeIfAbsent(ref.target().type(), t -> new HashSet<>()).add(ref.target().key());
                    }
                }
            }
        }
        ask.forEach((type, keys) -> tx.run(ANCHORS.formatted(type.graphName()), Map.of("keys", List.copyOf(keys)))
                .forEachRemaining(r -> present.add(new RecordRef(type, r.get("k").asString()))));
        return present;
    }

    private static List<References.Ref> refs(RecordType type, Map<String, Object> props) {
        try {
            return References.of(type, props);
        } catch (IllegalArgumentException e) {
            return List.of(); // the node's own check names the bad field
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> outgoing(Map<String, Object> element) {
        Set<String> edges = new HashSet<>();
        for (Object o : (List<?>) element.get("out")) {
            Map<String, Object> r = (Map<String, Object>) o;
            if (Long.valueOf(1).equals(r.get("version")) && r.get("labels") instanceof List<?> labels
                    && labels.size() == 1) {
                edges.add(r.get("type") + " " + labels.getFirst() + ":" + r.get("key"));
            }
        }
        return edges;
    }
}
