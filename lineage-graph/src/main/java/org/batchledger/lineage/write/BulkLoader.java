package org.batchledger.lineage.write;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.record.LedgerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a stream of record chunks through the one write path, one transaction per chunk, logging progress. Each
 * chunk's idempotency key is derived from the load's name and the chunk number, so re-running an interrupted
 * load with the same name skips the chunks that committed and continues where it stopped.
 */
public final class BulkLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);
    private static final String COMMITTED = """
            OPTIONAL MATCH (c:LedgerCommit {idempotencyKey: $key}) RETURN c IS NOT NULL AS committed""";
    private static final String ANY_ENTRY = """
            OPTIONAL MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.seq, 0) > 0 AS any""";

    private final GraphDatabase db;
    private final RecordWriter writer;

    public BulkLoader(GraphDatabase db, RecordWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    /** Whether a load of this name committed its first chunk, i.e. was started before (and may be resumed). */
    public boolean started(String loadName) {
        return committed(loadName + "#0");
    }

    /** Whether a command of this idempotency key was committed (e.g. the last step of a scripted load). */
    public boolean committed(String idempotencyKey) {
        return db.read(tx -> tx.run(COMMITTED, Map.of("key", idempotencyKey)).single().get("committed").asBoolean());
    }

    /** Whether the ledger holds any entry at all. */
    public boolean ledgerIsEmpty() {
        return !db.read(tx -> tx.run(ANY_ENTRY, Map.of()).single().get("any").asBoolean());
    }

    /** What a load wrote. */
    public record Summary(long records, long chunks, long firstSeq, long lastSeq) {
    }

    /**
     * @param loadName      stable name of this load, e.g. {@code synthplant:seed=7:batches=300}
     * @param expectedTotal records expected, for the progress percentage; 0 if unknown
     */
    public Summary load(String loadName, Stream<List<LedgerRecord>> chunks, Actor actor, String reason,
                        long expectedTotal) {
        long records = 0;
        long chunkNo = 0;
        long first = 0;
        long last = 0;
        long nextReport = 0;
        Iterator<List<LedgerRecord>> it = chunks.iterator();
        while (it.hasNext()) {
            List<LedgerRecord> chunk = it.next();
            WriteReceipt r = writer.write(new WriteRequest(chunk, actor, reason, loadName + "#" + chunkNo++));
            first = first == 0 ? r.firstSeq() : first;
            last = r.lastSeq();
            records += chunk.size();
            if (records >= nextReport) {
                LOG.info("{}: {} records written{}", loadName, records,
                        expectedTotal > 0 ? " (" + Math.min(100, records * 100 / expectedTotal) + "%)" : "");
                nextReport = records + Math.max(10_000, expectedTotal / 10);
            }
        }
        LOG.info("{}: done, {} records in {} transactions, ledger entries {}..{}", loadName, records, chunkNo, first, last);
        return new Summary(records, chunkNo, first, last);
    }
}
