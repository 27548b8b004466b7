package org.batchledger.lineage.ledger.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.SignatureWithdrawal;

/** Keyset pages of entries, ordered by sequence number (the cursor is the last sequence number seen). */
public final class LedgerReads {
    private static final String TRAIL = """
            UNWIND $entities AS x
            MATCH (e:LedgerEntry {entityType: x.type, entityKey: x.key}) WHERE e.seq > $after
            RETURN e ORDER BY e.seq LIMIT $limit""";
    private static final String RANGE = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq >= $from AND e.seq <= $to
            RETURN e ORDER BY e.seq LIMIT $limit""";

    private final GraphDatabase db;

    public LedgerReads(GraphDatabase db) {
        this.db = db;
    }

    /**
     * Every entry about one record, all its versions: creation, corrections with who, when and why; for a
     * signature also its withdrawal (a record of its own that the signature shows).
     */
    public Page<AuditEntry> auditTrail(RecordType type, String key, PageRequest page) {
        List<Map<String, Object>> entities = new ArrayList<>();
        entities.add(Map.of("type", type.graphName(), "key", key));
        if (type == RecordType.SIGNATURE) {
            entities.add(Map.of("type", RecordType.SIGNATURE_WITHDRAWAL.graphName(),
                    "key", SignatureWithdrawal.keyFor(key)));
        }
        Map<String, Object> params = new HashMap<>(Map.of("entities", entities));
        return fetch(TRAIL, params, page);
    }

    /** Entries {@code from..to} (inclusive, 1-based; null: from the first, to the last). */
    public Page<AuditEntry> entries(Long from, Long to, PageRequest page) {
        if (from != null && from < 1) {
            throw new LedgerArgumentException("from", "must be at least 1, was " + from);
        }
        if (to != null && from != null && to < from) {
            throw new LedgerArgumentException("to", "is " + to + ", smaller than 'from' " + from);
        }
        Map<String, Object> params = new HashMap<>(Map.of("from", from == null ? 1L : from,
                "to", to == null ? Long.MAX_VALUE : to));
        return fetch(RANGE, params, page);
    }

    private Page<AuditEntry> fetch(String cypher, Map<String, Object> params, PageRequest page) {
        params.put("after", after(page));
        params.put("limit", page.first() + 1);
        List<AuditEntry> fetched = page.first() == 0 ? List.of()
                : db.read(tx -> tx.run(cypher, params).list(r -> AuditEntry.of(r.get("e").asMap())));
        boolean more = fetched.size() > page.first();
        List<AuditEntry> items = more ? fetched.subList(0, page.first()) : fetched;
        return new Page<>(List.copyOf(items), items.stream().map(e -> Long.toString(e.seq())).toList(), more,
                page.afterKey() != null);
    }

    private static long after(PageRequest page) {
        if (page.afterKey() == null) {
            return 0;
        }
        try {
            return Long.parseLong(page.afterKey());
        } catch (NumberFormatException e) {
            throw new LedgerArgumentException("after", "is not a cursor of this connection");
        }
    }
}
