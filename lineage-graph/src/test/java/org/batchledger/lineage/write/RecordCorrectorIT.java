package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrections add a version; the old one stays readable as of its time; the audit trail shows who, when, why. */
@Tag("REQ-LEDGER-015")
@Tag("REQ-LEDGER-019")
@Tag("REQ-LEDGER-017")
class RecordCorrectorIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor QA = new Actor("sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "ui-client");
    private final RecordCorrector corrector = new RecordCorrector(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final RecordQueries records = new RecordQueries(NEO4J.db());
    @TempDir
    Path keys;

    @BeforeEach
    void oneStep() {
        NEO4J.clean();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(""), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void correctionIsANewVersionAndTheOldOneStaysReadableAsOfItsTime() {
        Lot before = records.<Lot>byKey(RecordType.LOT, "t:LOT-OUT").orElseThrow();
        CorrectionReceipt receipt = corrector.correct(lotQuantity(117.5, "weighing transcription error"));

        assertThat(receipt.version()).isEqualTo(2);
        assertThat(receipt.seq()).isEqualTo(8);
        assertThat(receipt.supersedesHash()).isEqualTo(CanonicalJson.contentHash(before));
        assertThat(records.<Lot>byKey(RecordType.LOT, "t:LOT-OUT").orElseThrow().quantity()).isEqualTo(117.5);
        assertThat(records.<Lot>byKey(RecordType.LOT, "t:LOT-OUT", new AsOf(7L)).orElseThrow()).isEqualTo(before);
        assertThat(records.<Lot>byKey(RecordType.LOT, "t:LOT-OUT", new AsOf(8L)).orElseThrow().quantity())
                .isEqualTo(117.5);
        assertThat(records.byKey(RecordType.LOT, "t:LOT-OUT", new AsOf(4L))).as("not yet recorded").isEmpty();
    }

    @Test
    void genealogyShowsTheCorrectedVersionWithoutMovingEdges() {
        corrector.correct(lotQuantity(117.5, "weighing transcription error"));

        List<Lot> outputs = new Neighbours(NEO4J.db()).<Lot>all(Hop.BATCH_OUTPUTS, List.of("t:B")).get("t:B");
        assertThat(outputs).extracting(Lot::quantity).containsExactly(117.5);
        assertThat(records.page(RecordType.LOT, org.batchledger.lineage.record.RecordFilter.none(),
                new PageRequest(10, null)).items()).hasSize(2);
    }

    @Test
    void auditTrailShowsOldToNewWithWhoWhenAndWhy() {
        corrector.correct(lotQuantity(117.5, "weighing transcription error"));

        List<AuditEntry> trail = new LedgerReads(NEO4J.db()).auditTrail(RecordType.LOT, "t:LOT-OUT",
                new PageRequest(10, null)).items();
        assertThat(trail).extracting(AuditEntry::action).containsExactly("CREATE", "CORRECT");
        AuditEntry correction = trail.get(1);
        assertThat(correction.supersedesHash()).isEqualTo(trail.get(0).contentHash());
        assertThat(correction.actor()).isEqualTo(QA);
        assertThat(correction.reason()).isEqualTo("weighing transcription error");
        assertThat(correction.at()).isNotNull();
    }

    @Test
    void correctedLedgerStillVerifiesRecordByRecord() {
        corrector.correct(lotQuantity(117.5, "weighing transcription error"));

        var report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(8);
    }

    @Test
    void aCorrectionNeedsAReasonAndMayNotChangeIdentityOrReferences() {
        assertThatThrownBy(() -> corrector.correct(lotQuantity(1.0, " "))).hasMessageContaining("field reason");
        assertThatThrownBy(() -> corrector.correct(change("materialKey", "t:MAT-IN")))
                .hasMessageContaining("field materialKey refused: CORR-REFERENCE");
        assertThatThrownBy(() -> corrector.correct(change("key", "t:OTHER"))).hasMessageContaining("field key");
        assertThatThrownBy(() -> corrector.correct(change("colour", "red"))).hasMessageContaining("not a field");
    }

    @Test
    void retriedCorrectionAppendsOnce() {
        CorrectionRequest request = lotQuantity(117.5, "weighing transcription error");
        corrector.correct(request);
        CorrectionReceipt retry = corrector.correct(request);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.version()).isEqualTo(2);
        assertThat(NEO4J.db().read(org.batchledger.lineage.ledger.LedgerHead::read).seq()).isEqualTo(8);
    }

    private static CorrectionRequest lotQuantity(double quantity, String reason) {
        return new CorrectionRequest(RecordType.LOT, "t:LOT-OUT", Map.of("quantity", quantity), QA, reason,
                UUID.randomUUID().toString());
    }

    private static CorrectionRequest change(String field, Object value) {
        return new CorrectionRequest(RecordType.LOT, "t:LOT-OUT", Map.of(field, value), QA, "why",
                UUID.randomUUID().toString());
    }
}
