package org.batchledger.lineage.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.TileLog;
import org.batchledger.lineage.store.DataMigration;
import org.batchledger.lineage.store.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a ledger of the layout before tiles ({@code LedgerEntry} node per entry, {@code MerkleNode} per hash)
 * into entry bundles and hash tiles, on start. Each entry's canonical bytes are re-encoded from its stored
 * properties with the same encoder, so leaves, roots and old signed checkpoints stay valid. Batches of entries,
 * one transaction each (bounded memory); the bundles written so far are the progress, so an interrupted
 * run resumes where it stopped. The old nodes are deleted only once the head names the converted tree.
 */
public final class LegacyLedgerMigration implements DataMigration {
    private static final Logger LOG = LoggerFactory.getLogger(LegacyLedgerMigration.class);
    private static final String STATE = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'})
            RETURN coalesce(h.seq, 0) AS seq, COUNT { (e:LedgerEntry) } AS entries, COUNT { (m:MerkleNode) } AS nodes,
                   coalesce(COLLECT { MATCH (b:LedgerBundle) WITH b ORDER BY b.index DESC LIMIT 1
                                      RETURN b.index * $width + b.width }[0], 0) AS converted""";
    private static final String PAGE = """
            MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $last
            WITH e ORDER BY e.seq LIMIT $limit
            RETURN\s""" + StoredEntry.RETURN_FIELDS;
    private static final String HEAD = """
            MATCH (h:LedgerHead {id: 'main'}) SET h.treeSize = $size, h.root = $root""";
    /**
     * Deletes the old nodes once {@link #convert} returned: batched statements ({@code $batchSize}), which only
     * the store's migrations may run.
     */
    public static final List<String> DROP_OLD = List.of(
            "MATCH (e:LedgerEntry) CALL (e) { DELETE e } IN TRANSACTIONS OF $batchSize ROWS",
            "MATCH (m:MerkleNode) CALL (m) { DELETE m } IN TRANSACTIONS OF $batchSize ROWS");
    private static final List<String> DROP_SCHEMA = List.of("DROP CONSTRAINT ledger_entry_seq IF EXISTS",
            "DROP CONSTRAINT merkle_node_id IF EXISTS", "DROP INDEX ledger_entry_entity IF EXISTS");

    /** For the {@link java.util.ServiceLoader} of {@link org.batchledger.lineage.store.Migrations}. */
    public LegacyLedgerMigration() {
    }

    @Override
    public String after() {
        return "V005__ledger_tiles.cypher";
    }

    /** Converts what is left and returns the batched deletion of the old nodes ({@link #DROP_OLD}), if any. */
    @Override
    public List<String> convert(GraphDatabase db, int batchSize) {
        return convertAll(db, batchSize) ? DROP_OLD : List.of();
    }

    @Override
    public List<String> afterCleanup() {
        return DROP_SCHEMA;
    }

    /**
     * Converts what is left to convert, {@code batchSize} entries per transaction, and moves the head to the
     * converted tree; returns whether old nodes remain to be deleted ({@link #DROP_OLD}).
     */
    static boolean convertAll(GraphDatabase db, int batchSize) {
        var state = db.read(tx -> tx.run(STATE, Map.of("width", TileId.WIDTH)).single());
        long seq = state.get("seq").asLong();
        long converted = state.get("converted").asLong();
        if (state.get("entries").asLong() == 0 && state.get("nodes").asLong() == 0) {
            DROP_SCHEMA.forEach(statement -> db.write(tx -> tx.run(statement, Map.of()).consume()));
            return false;
        }
        LOG.info("Converting the ledger to tiles: {} of {} entries converted so far", converted, seq);
        while (converted < seq) {
            long from = converted;
            converted = db.write(tx -> convert(tx, from, seq, batchSize)).result();
        }
        long size = converted;
        db.write(tx -> tx.run(HEAD, Map.of("size", size,
                "root", MerkleStore.hex(MerkleStore.frontier(tx, size).root()))).consume());
        LOG.info("Converted the ledger's {} entries to tiles", size);
        return true;
    }

    // One batch: entries (from, from+batch] re-encoded and appended to the tiles; returns the new size.
    private static long convert(GraphDatabase.Tx tx, long from, long last, int batch) {
        CanonicalEntryEncoder encoder = new CanonicalEntryEncoder();
        List<byte[]> entries = new ArrayList<>(batch);
        tx.run(PAGE, Map.of("after", from, "last", last, "limit", batch)).forEachRemaining(row -> {
            StoredEntry stored = StoredEntry.of(row);
            long seq = ((Number) stored.seq()).longValue();
            if (seq != from + entries.size() + 1) {
                throw new IllegalStateException("ledger entry " + (from + entries.size() + 1) + " is missing; the "
                        + "ledger cannot be converted to tiles");
            }
            entries.add(Arrays.copyOf(encoder.buffer(), encoder.encodeStored(stored)));
        });
        if (entries.isEmpty()) {
            throw new IllegalStateException("ledger entry " + (from + 1) + " is missing; the ledger cannot be "
                    + "converted to tiles");
        }
        TileLog.append(tx, from, entries);
        return from + entries.size();
    }
}
