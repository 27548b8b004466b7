package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.write.References;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * A genealogy record's relationship against its entry: its properties exactly the record's, its
 * {@code contentHash} and {@code ledgerSeq}; its ends the anchors (version 1) of the records its content names as
 * {@code from} and {@code to} ({@link References}). Genealogy records are never corrected.
 */
final class RelationshipShape {

    List<String> check(RecordType type, LedgerEntry e, Map<String, Object> found) {
        List<String> reasons = new ArrayList<>();
        if (!GraphReplay.CREATE.equals(e.action())) {
            reasons.add("its entry's action " + e.action() + " is not CREATE (genealogy records are never corrected)");
        }
        LedgerRecord record = ElementShape.content(type, e, GraphReplay.props(found), reasons);
        if (record == null) {
            return reasons;
        }
        Map<String, Object> properties = ElementShape.properties(record, e);
        ElementShape.compare(properties, GraphReplay.props(found), reasons);
        try {
            for (References.Ref ref : References.of(type, properties)) {
                if (ref.isEndpoint()) {
                    end(ref, found.get(ref.isFrom() ? "from" : "to"), reasons);
                }
            }
        } catch (IllegalArgumentException ex) {
            reasons.add("an end field does not name a record (" + ex.getMessage() + ")");
        }
        return reasons;
    }

    @SuppressWarnings("unchecked")
    private static void end(References.Ref ref, Object stored, List<String> reasons) {
        Map<String, Object> node = (Map<String, Object>) stored;
        String expected = ElementShape.edge(ref.edge(), Map.of(), List.of(ref.target().type().graphName()),
                ref.target().key(), 1L);
        String actual = ElementShape.edge(ref.edge(), Map.of(), node.get("labels"), node.get("key"),
                node.get("version"));
        if (!expected.equals(actual)) {
            reasons.add("its " + ref.edge() + " end is " + actual.substring(ref.edge().length() + 4)
                    + ", the record names " + expected.substring(ref.edge().length() + 4));
        }
    }
}
