package org.batchledger.lineage.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Head;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Written;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.json.Sha256;
import org.batchledger.schema.record.LedgerRecord;

/**
 * Corrections never update a record in place: the new version is a new node ({@code version + 1}), the old one
 * gets {@code supersededAtSeq} (bookkeeping outside its content hash) and a {@code SUPERSEDES} edge points from new
 * to old; the ledger entry {@code CORRECT} names both content hashes. Edges stay on version 1, so genealogy reads
 * see the corrected content without any edge being moved. All in one transaction with the ledger append.
 */
public final class RecordCorrector {
    public static final String ACTION_CORRECT = "CORRECT";
    private static final String SUPERSEDE = """
            MATCH (old:%s {key: $key, version: $version})
            SET old.supersededAtSeq = $seq
            CREATE (new:%1$s) SET new = $props
            CREATE (new)-[:SUPERSEDES {seq: $seq}]->(old)""";
    private static final String BY_SEQ = "MATCH (n:%s {ledgerSeq: $seq}) RETURN properties(n) AS p";

    private final GraphDatabase db;
    private final LedgerAppender ledger;

    public RecordCorrector(GraphDatabase db, LedgerAppender ledger) {
        this.db = db;
        this.ledger = ledger;
    }

    public CorrectionReceipt correct(CorrectionRequest request) {
        if (request.type().isRelationship()) {
            throw problem(request, "type", "genealogy relationships are corrected by a new record, not in place");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw problem(request, "reason", "a correction needs a reason");
        }
        Written<CorrectionReceipt> written = db.write(tx -> correctInTx(tx, request));
        CorrectionReceipt r = written.result();
        return new CorrectionReceipt(r.record(), r.version(), r.seq(), r.contentHash(), r.supersedesHash(),
                r.replayed(), written.bookmarks());
    }

    private CorrectionReceipt correctInTx(Tx tx, CorrectionRequest request) {
        var done = ledger.findCommit(tx, request.idempotencyKey());
        if (done.isPresent()) {
            return replay(tx, request, done.get().lastSeq());
        }
        Head head = ledger.lockHead(tx);
        CurrentVersion current = CurrentVersion.read(tx, request);
        LedgerRecord corrected = current.apply(request);
        String hash = CanonicalJson.contentHash(corrected);
        if (hash.equals(current.contentHash())) {
            throw problem(request, "changes", "change nothing: the record already has these values");
        }
        long seq = head.seq() + 1;
        Map<String, Object> props = new HashMap<>(RecordProperties.of(corrected));
        props.putAll(Map.of("contentHash", hash, "ledgerSeq", seq, "version", current.version() + 1));
        tx.run(SUPERSEDE.formatted(request.type().graphName()), Map.of("key", request.key(),
                "version", current.version(), "seq", seq, "props", props)).consume();
        ledger.append(tx, head, List.of(new Change(ACTION_CORRECT, request.type().graphName(), request.key(), current.version() + 1, hash,
                current.contentHash())), request.actor(), request.reason(), request.idempotencyKey(),
                Sha256.hex((request.type() + request.key() + hash).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new CorrectionReceipt(corrected, current.version() + 1, seq, hash, current.contentHash(), false, null);
    }

    private static CorrectionReceipt replay(Tx tx, CorrectionRequest request, long seq) {
        Map<String, Object> p = tx.run(BY_SEQ.formatted(request.type().graphName()), Map.of("seq", seq)).single()
                .get("p").asMap();
        LedgerRecord record = RecordProperties.toRecord(p, request.type().javaType());
        return new CorrectionReceipt(record, ((Number) p.get("version")).longValue(), seq,
                (String) p.get("contentHash"), null, true, null);
    }

    static InvalidRecordsException problem(CorrectionRequest request, String field, String message) {
        return new InvalidRecordsException(List.of(new InvalidRecordsException.Problem(
                request.type().graphName() + ":" + request.key(), null, field, message)));
    }
}
