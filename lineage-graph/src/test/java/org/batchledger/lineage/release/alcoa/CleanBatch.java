package org.batchledger.lineage.release.alcoa;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SourceFile;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;

/**
 * A small batch that every rule of the shipped set evaluates and none faults: a granulation batch with two step
 * records (one corrected with a reason), a consumption and a production, equipment cleaned and calibrated before
 * use, a closed deviation, an assay result ingested from a file, the performer's signature, a signed checkpoint and
 * the product's specification. A test changes one record ({@link #replace}) or one step to make it violate a rule.
 */
final class CleanBatch {
    static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    static final Instant T0 = SmallPlant.T0;
    static final String FILE_HASH = "ab".repeat(32);
    static final String BATCH = "t:B";
    static final Actor OPERATOR = SmallPlant.OPERATOR;

    final Map<RecordRef, LedgerRecord> records = new LinkedHashMap<>();
    Actor actor = OPERATOR;
    String correctionReason = "transcription error from the paper log";
    boolean checkpoint = true;
    RawDataStore rawData = sha -> true;
    Specifications specifications = new Specifications(List.of(new ProductSpecification("t:MAT-OUT", "3",
            List.of("Assay"), List.of("granulate", "dry"))));

    CleanBatch() {
        add(new Material("t:MAT-IN", "Lactose", Material.MaterialKind.EXCIPIENT, "kg", prov(T0.minusSeconds(86400))));
        add(new Material("t:MAT-OUT", "Granulate", Material.MaterialKind.INTERMEDIATE, "kg", prov(T0.minusSeconds(86400))));
        add(new Lot("t:LOT-IN", "t:MAT-IN", Lot.LotStatus.RELEASED, 250.0, "kg", "Meggle", "SUP-1", null,
                prov(T0.minusSeconds(3600))));
        add(new Batch(BATCH, "t:MAT-OUT", "GRANULATION", Batch.BatchStatus.COMPLETED, "MBR-7", T0, at(120),
                prov(T0)));
        add(new Lot("t:LOT-OUT", "t:MAT-OUT", Lot.LotStatus.QUARANTINE, 118.0, "kg", null, null, null, prov(at(120))));
        add(new Consumption("t:C1", "t:LOT-IN", BATCH, 120.5, "kg", "charge", at(10), prov(at(10))));
        add(new Production("t:P1", BATCH, "t:LOT-OUT", 118.0, "kg", prov(at(120))));
        add(new Equipment("t:EQ1", "Granulator 1", "granulator", "Room 4", prov(T0.minusSeconds(86400 * 30))));
        add(new Cleaning("t:CL1", "t:EQ1", "CIP", T0.minusSeconds(3600), at(72 * 60), "op", "op2", T0.minusSeconds(3000),
                prov(T0.minusSeconds(3600))));
        add(new Calibration("t:CA1", "t:EQ1", Calibration.CalibrationOutcome.PASS, T0.minusSeconds(86400 * 10),
                T0.plusSeconds(86400 * 30), "eng", "eng2", T0.minusSeconds(86400 * 9),
                prov(T0.minusSeconds(86400 * 10))));
        add(new EquipmentUse("t:U1", BATCH, "t:EQ1", "granulate", T0, at(120), prov(T0)));
        add(step("t:SR1", "granulate", "temperature", "42.5", "°C", 40.0, 45.0, at(30)));
        add(step("t:SR2", "dry", "LOD", "1.8", "%", null, 2.0, at(90)));
        add(new Deviation("t:D1", "Torque alarm", Deviation.Severity.MINOR, Deviation.DeviationStatus.CLOSED,
                List.of(new RecordRef(RecordType.BATCH, BATCH)), at(20), at(60), prov(at(20))));
        add(new SourceFile("sha256:" + FILE_HASH, "assay.csv", "text/csv", 120, "lims-csv",
                new Provenance("ingest:upload", null, "sub-op", at(200), at(200))));
        add(result("t:TR1", "Assay", "99.1", PassOrOos.PASS));
    }

    enum PassOrOos { PASS, OOS }

    static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** Entered one minute after the event, by the operator, from the test MES. */
    static Provenance prov(Instant eventAt) {
        return new Provenance("mes:test", "/batch", "operator", eventAt.plusSeconds(60), eventAt);
    }

    static StepRecord step(String key, String step, String parameter, String value, String unit, Double lower,
                           Double upper, Instant executedAt) {
        return new StepRecord(key, BATCH, step, parameter, value, unit, lower, upper, executedAt, "op",
                prov(executedAt));
    }

    static TestResult result(String key, String test, String value, PassOrOos outcome) {
        return new TestResult(key, new RecordRef(RecordType.LOT, "t:LOT-OUT"), null, test, "HPLC", value, "%", 95.0,
                105.0, TestResult.TestOutcome.valueOf(outcome.name()), at(180), "Ana Lyst",
                new Provenance("file:sha256:" + FILE_HASH, "/row/2", "sub-op", at(200), at(180)));
    }

    void add(LedgerRecord r) {
        records.put(RecordRef.of(r), r);
    }

    /** Replaces the record of that key (keys are unique across the types this batch uses but one test's). */
    @SuppressWarnings("unchecked")
    <T extends LedgerRecord> CleanBatch replace(String key, UnaryOperator<T> change) {
        RecordRef ref = records.keySet().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        records.put(ref, change.apply((T) records.get(ref)));
        return this;
    }

    /** Writes everything, corrects step t:SR2, signs the batch, signs a checkpoint; returns the head size. */
    void write(Path keys) {
        LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
        new RecordWriter(unitOfWork).write(WriteRequest.of(List.copyOf(records.values()), actor, "batch record"));
        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.STEP_RECORD, "t:SR2",
                Map.of("value", "1.7"), OPERATOR, correctionReason, UUID.randomUUID().toString()));
        Batch batch = (Batch) records.get(new RecordRef(RecordType.BATCH, BATCH));
        new RecordWriter(unitOfWork).write(WriteRequest.of(List.of(new Signature("t:S1",
                new RecordRef(RecordType.BATCH, BATCH), CanonicalJson.contentHash(batch), OPERATOR.subject(),
                OPERATOR.displayName(), Signature.SignatureMeaning.PERFORMED, "batch executed", at(125), null,
                new Provenance("hub:ui", null, OPERATOR.subject(), at(125), at(125)))), OPERATOR, "sign"));
        if (checkpoint) {
            SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        }
    }

    AlcoaEngine engine() {
        return new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), specifications, rawData);
    }

    AlcoaEvaluation evaluate() {
        return engine().evaluate(BATCH, AsOf.CURRENT);
    }

    /** Writes a fresh graph of this batch and evaluates it. */
    AlcoaEvaluation writeAndEvaluate(Path keys) {
        NEO4J.clean();
        write(keys);
        return evaluate();
    }

    static List<AlcoaFinding> of(AlcoaEvaluation e, String ruleId) {
        return e.findings().stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }
}
