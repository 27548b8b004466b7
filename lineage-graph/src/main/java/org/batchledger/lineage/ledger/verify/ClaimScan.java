package org.batchledger.lineage.ledger.verify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.RecordType;

/**
 * Names the elements of a label or type the store holds more of than the ledger implies and whose {@code ledgerSeq}
 * is inside the ledger: one more pass over the entries in pages, each page with one index range query per such
 * label or type for the elements claiming its sequence numbers; an element whose entry is not of its label or type
 * and key is extra. Runs only when a count differs, and is linear like the replay.
 */
final class ClaimScan {
    private static final String NODES = """
            MATCH (n:%s) WHERE n.ledgerSeq >= $first AND n.ledgerSeq <= $last
            RETURN n.ledgerSeq AS seq, n.key AS key""";
    private static final String RELATIONSHIPS = """
            MATCH ()-[n:%s]->() WHERE n.ledgerSeq >= $first AND n.ledgerSeq <= $last
            RETURN n.ledgerSeq AS seq, n.key AS key""";

    private ClaimScan() {
    }

    static void run(GraphDatabase db, EntrySource source, int pageSize, long head, Set<RecordType> types,
                    Findings findings) {
        long after = 0;
        while (after < head) {
            List<LedgerEntry> page = source.page(after, head, pageSize);
            if (page.isEmpty()) {
                return;
            }
            long first = after + 1;
            long last = page.getLast().seq();
            Map<Long, LedgerEntry> bySeq = new HashMap<>();
            page.forEach(e -> bySeq.put(e.seq(), e));
            for (RecordType type : types) {
                check(db, type, first, last, bySeq, findings);
            }
            after = last;
        }
    }

    private static void check(GraphDatabase db, RecordType type, long first, long last, Map<Long, LedgerEntry> bySeq,
                              Findings findings) {
        String cypher = (type.isRelationship() ? RELATIONSHIPS : NODES).formatted(type.graphName());
        db.read(tx -> tx.run(cypher, Map.of("first", first, "last", last)).list()).forEach(r -> {
            long seq = r.get("seq").asLong();
            String key = r.get("key").asString(null);
            LedgerEntry e = bySeq.get(seq);
            if (e == null || !type.graphName().equals(e.entityType()) || !e.entityKey().equals(key)) {
                findings.mismatch(type.graphName(), key, seq, "extra: it claims entry " + seq + ", which records "
                        + (e == null ? "nothing readable" : e.entityType() + ":" + e.entityKey()));
            }
        });
    }
}
