package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;

/**
 * One granulation step ({@link SmallPlant#step}, batch {@code t:B}) with two step records performed by Olivia
 * Operator (recorded by the MES adapter) and an open deviation: entries 1..10. The people who sign, and a signing
 * service with a 5-minute window over a real unit of work.
 */
final class BatchToSign {
    static final Actor OPERATOR = new Actor("sub-op", "Olivia Operator", List.of("operator"), "ui-client");
    static final Actor OPERATOR2 = new Actor("sub-op2", "Oscar Operator", List.of("operator"), "ui-client");
    static final Actor REVIEWER = new Actor("sub-qa", "Rita Reviewer", List.of("qa-reviewer"), "ui-client");
    static final Actor REVIEWER2 = new Actor("sub-qa2", "Rafael Reviewer", List.of("qa-reviewer"), "ui-client");
    static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    /** Holds two roles: what segregation of duties must still keep apart. */
    static final Actor OPERATOR_REVIEWER = new Actor("sub-both", "Bo Both", List.of("operator", "qa-reviewer"),
            "ui-client");
    static final RecordRef BATCH = new RecordRef(RecordType.BATCH, "t:B");
    static final RecordRef STEP = new RecordRef(RecordType.STEP_RECORD, "t:SR1");
    static final RecordRef STEP2 = new RecordRef(RecordType.STEP_RECORD, "t:SR2");
    static final RecordRef DEVIATION = new RecordRef(RecordType.DEVIATION, "t:D1");
    static final Duration WINDOW = Duration.ofMinutes(5);

    final GraphDatabase db;
    final LedgeredWrite unitOfWork;
    final Signing signing;

    BatchToSign(GraphDatabase db) {
        this.db = db;
        this.unitOfWork = new LedgeredWrite(db, new LedgerAppender(Clock.systemUTC()));
        this.signing = new Signing(unitOfWork, MeaningRules.defaults(), WINDOW, Clock.systemUTC());
    }

    static List<LedgerRecord> records() {
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        records.add(step("t:SR1", "impeller speed", "120"));
        records.add(step("t:SR2", "granulation time", "14"));
        records.add(new Deviation("t:D1", "Granulator torque alarm", Deviation.Severity.MAJOR,
                Deviation.DeviationStatus.OPEN, List.of(BATCH), SmallPlant.T0, null, SmallPlant.provenance("d")));
        return records;
    }

    private static StepRecord step(String key, String parameter, String value) {
        return new StepRecord(key, "t:B", "granulate", parameter, value, "rpm", 100.0, 150.0,
                SmallPlant.T0.plusSeconds(900), "Olivia Operator", SmallPlant.provenance("sr/" + key));
    }

    BatchToSign write() {
        new RecordWriter(unitOfWork).write(WriteRequest.of(records(), SmallPlant.OPERATOR, "batch record"));
        return this;
    }

    void writeAlso(LedgerRecord... records) {
        new RecordWriter(unitOfWork).write(WriteRequest.of(List.of(records), SmallPlant.OPERATOR, "imported"));
    }

    void correct(Actor who, RecordRef ref, Map<String, Object> changes) {
        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(ref.type(), ref.key(), changes, who,
                "transcription error", UUID.randomUUID().toString()));
    }

    Signing.Signed sign(Actor who, RecordRef ref, SignatureMeaning meaning) {
        return signing.sign(request(who, ref, meaning, Instant.now()));
    }

    static SignRequest request(Actor who, RecordRef ref, SignatureMeaning meaning, Instant authTime) {
        return new SignRequest(ref, meaning, "reviewed against the master record", null, who, authTime,
                UUID.randomUUID().toString());
    }

    /** Head sequence number, nodes and relationships: what "nothing written" compares. */
    List<Long> snapshot() {
        return db.read(tx -> tx.run("""
                MATCH (h:LedgerHead {id: 'main'})
                CALL () { MATCH (n) RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
                RETURN h.seq AS seq, nodes, rels""", Map.of()).single()
                .values().stream().map(v -> v.asLong()).toList());
    }
}
