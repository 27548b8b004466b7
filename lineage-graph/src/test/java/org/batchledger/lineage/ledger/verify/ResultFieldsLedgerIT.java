package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.CorrectionReceipt;
import org.batchledger.lineage.write.CorrectionRequest;
import org.batchledger.lineage.write.RecordCorrector;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-INGEST-253: storage, ledger verification and as-of reads are generic over record components: a result written
 * without instrument, qualifier and rawValue (as every result before them was) verifies and reads back as written;
 * its correction into the new fields verifies too and leaves the old version readable as of its time; a consumption
 * without quantity is stored and verified without one.
 */
@Tag("REQ-INGEST-253")
class ResultFieldsLedgerIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor QA = new Actor("sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "ui-client");
    private final RecordQueries records = new RecordQueries(NEO4J.db());
    @TempDir
    Path keys;

    /** A LIMS result as the adapter wrote it before the new fields: instrument in the method, qualifier in the value. */
    private static TestResult oldResult() {
        return new TestResult("t:TR-OLD", new RecordRef(RecordType.LOT, "t:LOT-OUT"), "S-1", "Impurity A",
                "HPLC-12 @ HPLC-3", "<0.05", "%", null, 0.10, TestResult.TestOutcome.PASS,
                SmallPlant.T0.plusSeconds(3600), "jdoe", SmallPlant.provenance("line 3"));
    }

    @BeforeEach
    void plantWithAnOldResultAndAConsumptionWithoutQuantity() {
        NEO4J.clean();
        List<LedgerRecord> batch = new ArrayList<>(SmallPlant.step(""));
        batch.add(oldResult());
        batch.add(new Consumption("t:C-NOQTY", "t:LOT-IN", "t:B", null, null, "charge", SmallPlant.T0.plusSeconds(900),
                SmallPlant.provenance("c2")));
        NEO4J.writer().write(WriteRequest.of(batch, SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void anOldResultVerifiesReadsBackUnchangedAndItsCorrectionIntoTheNewFieldsVerifies() {
        assertThat(records.<TestResult>byKey(RecordType.TEST_RESULT, "t:TR-OLD").orElseThrow()).isEqualTo(oldResult());
        assertThat(verify().problems()).isEmpty();

        RecordCorrector corrector = new RecordCorrector(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
        assertThatThrownBy(() -> corrector.correct(correction(Map.of("rawValue", "<0.05"))))
                .as("the source's own text is evidence, never corrected").hasMessageContaining("CORR-FIELD");
        CorrectionReceipt receipt = corrector.correct(correction(Map.of("method", "HPLC-12", "instrument", "HPLC-3",
                "value", "0.05", "qualifier", "<")));

        TestResult now = records.<TestResult>byKey(RecordType.TEST_RESULT, "t:TR-OLD").orElseThrow();
        assertThat(now.method()).isEqualTo("HPLC-12");
        assertThat(now.instrument()).isEqualTo("HPLC-3");
        assertThat(now.value()).isEqualTo("0.05");
        assertThat(now.qualifier()).isEqualTo("<");
        assertThat(now.rawValue()).isNull();
        assertThat(now.reading()).isEqualTo("<0.05");
        assertThat(records.<TestResult>byKey(RecordType.TEST_RESULT, "t:TR-OLD", new AsOf(receipt.seq() - 1))
                .orElseThrow()).isEqualTo(oldResult());
        LedgerReport report = verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(10);
    }

    @Test
    void aConsumptionWithoutQuantityIsStoredWithoutOneAndVerifies() {
        Map<String, Consumption> inputs = new Neighbours(NEO4J.db()).<Consumption>all(Hop.BATCH_INPUTS, List.of("t:B"))
                .get("t:B").stream().collect(Collectors.toMap(Consumption::key, c -> c));
        assertThat(inputs).containsOnlyKeys("t:C", "t:C-NOQTY");
        assertThat(inputs.get("t:C-NOQTY").quantity()).isNull();
        assertThat(inputs.get("t:C-NOQTY").unit()).isNull();
        assertThat(inputs.get("t:C").quantity()).isEqualTo(120.5);
        LedgerReport report = verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    private static CorrectionRequest correction(Map<String, Object> changes) {
        return new CorrectionRequest(RecordType.TEST_RESULT, "t:TR-OLD", changes, QA,
                "instrument and qualifier into their own fields", UUID.randomUUID().toString());
    }

    private LedgerReport verify() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
    }
}
