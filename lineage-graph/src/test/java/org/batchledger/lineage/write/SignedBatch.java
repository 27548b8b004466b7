package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.TestResult;

/**
 * One granulation step ({@link SmallPlant#step}) plus an open deviation on its batch, a test result on its output
 * lot and the operator's signature on the batch: 10 records, entries 1..10.
 */
final class SignedBatch {
    static final Actor OPERATOR = SmallPlant.OPERATOR;
    static final Actor OTHER_OPERATOR = new Actor("sub-op2", "Otto Operator", List.of("operator"), "ui-client");
    static final Actor REVIEWER = new Actor("sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "ui-client");
    static final Actor RELEASER = new Actor("sub-rel", "Rita Releaser", List.of("qa-release"), "ui-client");
    static final Actor ADMIN = new Actor("sub-admin", "Ada Admin", List.of("admin"), "ui-client");

    private SignedBatch() {
    }

    static List<LedgerRecord> records() {
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        Batch batch = (Batch) records.get(3);
        records.add(new Deviation("t:D1", "Granulator torque alarm", Deviation.Severity.MAJOR,
                Deviation.DeviationStatus.OPEN, List.of(new RecordRef(RecordType.BATCH, "t:B")), SmallPlant.T0,
                null, SmallPlant.provenance("d")));
        records.add(new TestResult("t:TR1", new RecordRef(RecordType.LOT, "t:LOT-OUT"), null, "LOD", "USP<731>", "1.2",
                "%", null, 2.0, TestResult.TestOutcome.PASS, SmallPlant.T0.plusSeconds(9000), "Ana Lyst",
                SmallPlant.provenance("tr")));
        records.add(new Signature("t:S1", new RecordRef(RecordType.BATCH, "t:B"), CanonicalJson.contentHash(batch),
                OPERATOR.subject(), OPERATOR.displayName(), Signature.SignatureMeaning.PERFORMED, "batch executed",
                SmallPlant.T0.plusSeconds(7300), null, SmallPlant.provenance("s")));
        return records;
    }

    static void write(GraphDatabase db, RecordWriter writer) {
        writer.write(WriteRequest.of(records(), OPERATOR, "batch record"));
    }

    /** Head sequence number, record nodes and relationships: what "nothing written" compares. */
    static List<Long> snapshot(GraphDatabase db) {
        return db.read(tx -> tx.run("""
                MATCH (h:LedgerHead {id: 'main'})
                CALL () { MATCH (n) RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
                RETURN h.seq AS seq, nodes, rels""", java.util.Map.of()).single()
                .values().stream().map(v -> v.asLong()).toList());
    }
}
