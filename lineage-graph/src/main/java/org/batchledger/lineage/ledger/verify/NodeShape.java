package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.write.References;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * A record version's node against its entry: exactly its one label; its properties exactly the record's, its
 * {@code contentHash}, {@code ledgerSeq}, {@code version} and, once superseded, {@code supersededAtSeq} (the next
 * version's entry); its outgoing edges exactly the reference edges {@link References} derives from its content
 * (version 1, the anchor) or the one {@code SUPERSEDES} edge to the version it replaces (a later version). A
 * correction's predecessor must hold the superseded hash and name the correction's entry.
 */
final class NodeShape {
    private final ExpectedCounts expected;

    NodeShape(ExpectedCounts expected) {
        this.expected = expected;
    }

    /** @param targets the reference targets whose anchor exists: a reference implies its edge only then */
    List<String> check(RecordType type, LedgerEntry e, Map<String, Object> found, Set<RecordRef> targets) {
        List<String> reasons = new ArrayList<>();
        Map<String, Object> stored = GraphReplay.props(found);
        if (!List.of(type.graphName()).equals(found.get("labels"))) {
            reasons.add("labels " + found.get("labels") + ", the ledger implies exactly [" + type.graphName() + "]");
        }
        if (!GraphReplay.CREATE.equals(e.action()) && !GraphReplay.newVersion(e.action())) {
            reasons.add("its entry's action " + e.action() + " is neither CREATE, CORRECT nor TRANSITION");
        }
        LedgerRecord record = ElementShape.content(type, e, stored, reasons);
        if (record == null) {
            return reasons;
        }
        Map<String, Object> properties = ElementShape.properties(record, e);
        Object version = version(e, stored, reasons);
        properties.put("version", version);
        Long next = next(e, found, reasons);
        if (next != null) {
            properties.put("supersededAtSeq", next);
        }
        ElementShape.compare(properties, stored, reasons);
        ElementShape.compareEdges(edges(type, e, properties, version, targets, reasons), storedEdges(found), reasons);
        if (GraphReplay.newVersion(e.action())) {
            predecessor(e, version, found, reasons);
        }
        return reasons;
    }

    // Entries before ledger v2 carry no version: a create is version 1, a correction's is bound by its predecessor.
    private static Object version(LedgerEntry e, Map<String, Object> stored, List<String> reasons) {
        if (e.version() != null) {
            return e.version();
        }
        if (GraphReplay.CREATE.equals(e.action())) {
            return 1L;
        }
        Object v = stored.get("version");
        if (!(v instanceof Long l && l >= 2)) {
            reasons.add("version " + v + " is not a corrected version (2 or later)");
        }
        return v;
    }

    private static Long next(LedgerEntry e, Map<String, Object> found, List<String> reasons) {
        List<?> next = (List<?>) found.get("next");
        if (next.isEmpty()) {
            return null;
        }
        if (!(next.getFirst() instanceof Long seq)) {
            reasons.add("its next version has ledgerSeq " + next.getFirst() + ", no entry's");
            return null;
        }
        // past the head a correction committed during this run: its node is bound by the store counts
        if (seq <= e.seq()) {
            reasons.add("its next version claims entry " + seq + ", not after this one");
        }
        return seq;
    }

    // What the entry implies leaves this node; counted, as the store's relationship counts are checked later.
    private List<String> edges(RecordType type, LedgerEntry e, Map<String, Object> properties, Object version,
                               Set<RecordRef> targets, List<String> reasons) {
        List<String> edges = new ArrayList<>();
        if (Long.valueOf(1).equals(version)) {
            try {
                for (References.Ref ref : References.of(type, properties)) {
                    // a target not recorded yet: no edge until it is (an open reference of an ingested record)
                    if (!ref.isEndpoint() && targets.contains(ref.target())) {
                        edges.add(ElementShape.edge(ref.edge(), Map.of(),
                                List.of(ref.target().type().graphName()), ref.target().key(), 1L));
                        expected.relationship(ref.edge());
                    }
                }
                References.sampleLink(type, properties, targets::contains).ifPresent(ref -> {
                    edges.add(ElementShape.edge(ref.edge(), Map.of(), List.of(ref.target().type().graphName()),
                            ref.target().key(), 1L));
                    expected.relationship(ref.edge());
                });
            } catch (IllegalArgumentException ex) {
                reasons.add("a reference field does not name a record (" + ex.getMessage() + ")");
            }
        }
        if (GraphReplay.newVersion(e.action()) && version instanceof Long v) {
            edges.add(ElementShape.edge(References.SUPERSEDES, Map.of("seq", e.seq()), List.of(type.graphName()),
                    e.entityKey(), v - 1));
            expected.relationship(References.SUPERSEDES);
        }
        return edges;
    }

    @SuppressWarnings("unchecked")
    private static List<String> storedEdges(Map<String, Object> found) {
        List<String> edges = new ArrayList<>();
        for (Object o : (List<?>) found.get("out")) {
            Map<String, Object> r = (Map<String, Object>) o;
            edges.add(ElementShape.edge((String) r.get("type"), (Map<String, Object>) r.get("props"),
                    r.get("labels"), r.get("key"), r.get("version")));
        }
        return edges;
    }

    @SuppressWarnings("unchecked")
    private static void predecessor(LedgerEntry e, Object version, Map<String, Object> found, List<String> reasons) {
        List<?> prev = (List<?>) found.get("prev");
        String which = "its previous version " + (version instanceof Long v ? v - 1 : "?");
        if (prev.size() != 1) {
            reasons.add(which + " is missing");
            return;
        }
        Map<String, Object> p = (Map<String, Object>) prev.getFirst();
        if (!Objects.equals(p.get("hash"), e.supersedesHash())) {
            reasons.add(which + " holds content hash " + p.get("hash") + ", the entry supersedes "
                    + e.supersedesHash());
        }
        if (!Objects.equals(p.get("superseded"), e.seq())) {
            reasons.add(which + " has supersededAtSeq " + p.get("superseded") + ", the correction is entry "
                    + e.seq());
        }
    }
}
