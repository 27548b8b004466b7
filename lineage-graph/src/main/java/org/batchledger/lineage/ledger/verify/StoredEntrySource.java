package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.StoredEntries;
import org.batchledger.lineage.store.GraphDatabase;

/** Entries from their {@code (:LedgerEntry)} nodes: a keyset page on the unique {@code seq} index. */
final class StoredEntrySource implements EntrySource {
    private static final String PAGE = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $last
            WITH e ORDER BY e.seq LIMIT $limit
            RETURN properties(e) AS e""";

    private final GraphDatabase db;

    StoredEntrySource(GraphDatabase db) {
        this.db = db;
    }

    @Override
    public List<LedgerEntry> page(long afterSeq, long lastSeq, int limit) {
        List<Map<String, Object>> rows = db.read(tx -> tx.run(PAGE, Map.of("after", afterSeq, "last", lastSeq,
                "limit", limit)).list(r -> r.get("e").asMap()));
        List<LedgerEntry> entries = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            try {
                entries.add(StoredEntries.entry(row));
            } catch (RuntimeException e) {
                // a retyped or missing field: the chain check names this entry
            }
        }
        return entries;
    }
}
