package org.batchledger.lineage.ledger.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.CanonicalEntryDecoder;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.SignatureWithdrawal;

/** Keyset pages of entries from the entry bundles, ordered by sequence number (the cursor is the last one seen). */
public final class LedgerReads {
    // Every version of the record names the entry that created it; its bundle is found by that number.
    private static final String TRAIL = """
            CALL () { %s }
            WITH seq WHERE seq > $after
            WITH seq ORDER BY seq LIMIT $limit
            WITH collect(seq) AS seqs
            RETURN seqs, COLLECT {
              UNWIND seqs AS s
              WITH DISTINCT (s - 1) / $width AS i
              MATCH (b:LedgerBundle {index: i})
              RETURN [b.index, b.data]
            } AS bundles""";
    private static final String NODE = """
            MATCH (n:%s {key: $%s}) WHERE""" + Visibility.published("n") + """
            RETURN n.ledgerSeq AS seq""";
    private static final String RELATIONSHIP = """
            MATCH ()-[n:%s {key: $%s}]->() WHERE""" + Visibility.published("n") + """
            RETURN n.ledgerSeq AS seq""";

    private final GraphDatabase db;

    public LedgerReads(GraphDatabase db) {
        this.db = db;
    }

    /**
     * Every entry about one record, all its versions: creation, corrections with who, when and why; for a
     * signature also its withdrawal (a record of its own that the signature shows). One query: the versions'
     * sequence numbers, found by key, and the bundles that hold them.
     */
    public Page<AuditEntry> auditTrail(RecordType type, String key, PageRequest page) {
        String versions = (type.isRelationship() ? RELATIONSHIP : NODE).formatted(type.graphName(), "key");
        if (type == RecordType.SIGNATURE) {
            versions += " UNION ALL " + NODE.formatted(RecordType.SIGNATURE_WITHDRAWAL.graphName(), "withdrawal");
        }
        String cypher = TRAIL.formatted(versions);
        long after = after(page);
        return page(page, page.first() == 0 ? List.of() : db.read(tx -> {
            var row = tx.run(cypher, Map.of("key", key, "withdrawal", SignatureWithdrawal.keyFor(key), "after", after,
                    "limit", page.first() + 1, "width", TileId.WIDTH)).single();
            Map<Long, byte[]> bundles = new java.util.HashMap<>();
            row.get("bundles").asList(v -> v).forEach(b -> bundles.put(b.get(0).asLong(), b.get(1).asByteArray()));
            List<AuditEntry> entries = new ArrayList<>();
            for (Object s : row.get("seqs").asList()) {
                long seq = ((Number) s).longValue();
                byte[] data = bundles.get(LedgerBundles.bundleOf(seq));
                int at = data == null ? 0 : EntryBundle.offsetOf(data, (int) ((seq - 1) % TileId.WIDTH));
                if (data == null || at >= data.length) {
                    throw new IllegalStateException("ledger entry " + seq + " of " + type.graphName() + " " + key
                            + " is missing from its entry bundle");
                }
                entries.add(AuditEntry.of(CanonicalEntryDecoder.decode(data, at + 2, EntryBundle.length(data, at),
                        seq)));
            }
            return entries;
        }));
    }

    /** Entries {@code from..to} (inclusive, 1-based; null: from the first, to the last). */
    public Page<AuditEntry> entries(Long from, Long to, PageRequest page) {
        if (from != null && from < 1) {
            throw new LedgerArgumentException("from", "must be at least 1, was " + from);
        }
        if (to != null && from != null && to < from) {
            throw new LedgerArgumentException("to", "is " + to + ", smaller than 'from' " + from);
        }
        long after = Math.max(after(page), from == null ? 0 : from - 1);
        long last = to == null ? Long.MAX_VALUE - 1 : to;
        List<LedgerEntry> fetched = page.first() == 0 ? List.of()
                : db.read(tx -> LedgerBundles.page(tx, after, last, page.first() + 1));
        return page(page, fetched.stream().map(AuditEntry::of).toList());
    }

    private static Page<AuditEntry> page(PageRequest page, List<AuditEntry> fetched) {
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
