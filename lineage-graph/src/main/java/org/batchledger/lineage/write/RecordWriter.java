package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.ledger.LedgerAppender.Head;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.GraphDatabase.Written;
import org.batchledger.schema.json.Sha256;
import org.batchledger.schema.record.RecordType;

/**
 * Writes canonical records and their ledger entries in one managed transaction. The whole request is validated
 * first (keys, references to records in the request or the graph); any problem refuses all of it.
 */
public final class RecordWriter {
    public static final String ACTION_CREATE = "CREATE";

    private final GraphDatabase db;
    private final LedgerAppender ledger;

    public RecordWriter(GraphDatabase db, LedgerAppender ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public WriteReceipt write(WriteRequest request) {
        List<PreparedRecord> records = PreparedRecord.prepare(request.records());
        String requestHash = requestHash(records);
        Written<Outcome> written = db.write(tx -> writeInTx(tx, request, records, requestHash));
        Outcome o = written.result();
        return new WriteReceipt(request.idempotencyKey(), o.counts(), o.commit().firstSeq(), o.commit().lastSeq(),
                o.commit().headHash(), o.commit().replayed(), written.bookmarks());
    }

    private Outcome writeInTx(Tx tx, WriteRequest request, List<PreparedRecord> records, String requestHash) {
        var done = ledger.findCommit(tx, request.idempotencyKey());
        if (done.isPresent()) {
            if (!done.get().requestHash().equals(requestHash)) {
                throw new IllegalArgumentException("idempotency key " + request.idempotencyKey()
                        + " was already used for a different write");
            }
            return new Outcome(done.get(), counts(records));
        }
        GraphChecks.requireValid(tx, records);
        Head head = ledger.lockHead(tx);
        for (int i = 0; i < records.size(); i++) {
            records.get(i).properties().put("ledgerSeq", head.seq() + 1 + i);
            if (!records.get(i).type().isRelationship()) {
                records.get(i).properties().put("version", 1L);
            }
        }
        GraphWrites.create(tx, records);
        Commit commit = ledger.append(tx, head, changes(records), request.actor(), request.reason(),
                request.idempotencyKey(), requestHash);
        return new Outcome(commit, counts(records));
    }

    private static List<Change> changes(List<PreparedRecord> records) {
        List<Change> changes = new ArrayList<>(records.size());
        for (PreparedRecord r : records) {
            changes.add(new Change(ACTION_CREATE, r.type().graphName(), r.key(), 1, r.contentHash(), null));
        }
        return changes;
    }

    private static Map<RecordType, Integer> counts(List<PreparedRecord> records) {
        Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        records.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }

    private static String requestHash(List<PreparedRecord> records) {
        StringBuilder s = new StringBuilder();
        records.forEach(r -> s.append(r.type().graphName()).append(':').append(r.key()).append('=')
                .append(r.contentHash()).append('\n'));
        return Sha256.hex(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private record Outcome(Commit commit, Map<RecordType, Integer> counts) {
    }
}
