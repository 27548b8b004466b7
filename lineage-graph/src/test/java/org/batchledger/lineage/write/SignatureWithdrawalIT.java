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
import org.batchledger.lineage.ledger.audit.AuditChanges;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.record.SignatureStates;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.json.RecordFields.Difference;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SignatureWithdrawal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong signature is withdrawn by a record of its own; a corrected signed record leaves it on the old version. */
@Tag("REQ-SIGNATURE-001")
@Tag("REQ-SIGNATURE-002")
@Tag("REQ-SIGNATURE-003")
@Tag("REQ-SIGNATURE-004")
class SignatureWithdrawalIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final SignatureWithdrawals withdrawals = new SignatureWithdrawals(unitOfWork, Clock.systemUTC());
    private final RecordQueries records = new RecordQueries(NEO4J.db());
    private final SignatureStates states = new SignatureStates(new Neighbours(NEO4J.db()), records);
    @TempDir
    Path keys;

    @BeforeEach
    void signedBatch() {
        NEO4J.clean();
        SignedBatch.write(NEO4J.db(), new RecordWriter(unitOfWork));
    }

    @Test
    void theSignerWithdrawsItAndTheSignatureShowsTheWithdrawalUnchanged() {
        Signature signature = signature();
        var receipt = withdrawals.withdraw(request(SignedBatch.OPERATOR, "signed the wrong batch"));

        SignatureStates.State state = states.of(List.of(signature)).get("t:S1");
        assertThat(receipt.seq()).isEqualTo(11);
        assertThat(state.withdrawal().reason()).isEqualTo("signed the wrong batch");
        assertThat(state.withdrawal().withdrawnBy()).isEqualTo("sub-op");
        assertThat(state.withdrawal().withdrawnAt()).isNotNull();
        assertThat(signature()).isEqualTo(signature);
        assertThat(edges("WITHDRAWS")).isEqualTo(1);
    }

    @Test
    void theWithdrawalIsInTheSignaturesAuditTrailAndTheLedgerStillVerifies() {
        withdrawals.withdraw(request(SignedBatch.OPERATOR, "signed the wrong batch"));

        List<AuditEntry> trail = new LedgerReads(NEO4J.db()).auditTrail(RecordType.SIGNATURE, "t:S1",
                new PageRequest(10, null)).items();
        assertThat(trail).extracting(AuditEntry::entityType).containsExactly("Signature", "SignatureWithdrawal");
        assertThat(new AuditChanges(NEO4J.db()).of(trail).get(trail.get(1)))
                .contains(new Difference("reason", null, "signed the wrong batch"));
        var report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void aSignatureIsWithdrawnOnceAndOnlyByItsSignerOrQaRelease() {
        List<Long> before = SignedBatch.snapshot(NEO4J.db());
        assertThatThrownBy(() -> withdrawals.withdraw(request(SignedBatch.OTHER_OPERATOR, "not mine")))
                .isInstanceOfSatisfying(WithdrawalRefusedException.class, e -> {
                    assertThat(e.rule().id()).isEqualTo("WDR-WHO");
                    assertThat(e.forbidden()).isTrue();
                    assertThat(e.signature()).isEqualTo("Signature:t:S1");
                });
        assertThatThrownBy(() -> withdrawals.withdraw(request(SignedBatch.OPERATOR, " ")))
                .isInstanceOfSatisfying(WithdrawalRefusedException.class,
                        e -> assertThat(e.rule().id()).isEqualTo("WDR-REASON"));
        assertThat(SignedBatch.snapshot(NEO4J.db())).isEqualTo(before);

        withdrawals.withdraw(request(SignedBatch.RELEASER, "signed before the review"));
        List<Long> after = SignedBatch.snapshot(NEO4J.db());
        assertThatThrownBy(() -> withdrawals.withdraw(request(SignedBatch.OPERATOR, "again")))
                .isInstanceOfSatisfying(WithdrawalRefusedException.class,
                        e -> assertThat(e.rule().id()).isEqualTo("WDR-ONCE"));
        assertThat(SignedBatch.snapshot(NEO4J.db())).isEqualTo(after);
    }

    @Test
    void correctingTheSignedRecordLeavesTheSignatureOnTheSupersededVersion() {
        assertThat(states.of(List.of(signature())).get("t:S1").onSupersededVersion()).isFalse();

        new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.BATCH, "t:B",
                Map.of("masterRecord", "MBR-8"), SignedBatch.REVIEWER, "wrong master record cited", key()));

        SignatureStates.State state = states.of(List.of(signature())).get("t:S1");
        assertThat(state.onSupersededVersion()).isTrue();
        assertThat(state.withdrawal()).isNull();
    }

    @Test
    void aWithdrawalIsNeverCorrected() {
        withdrawals.withdraw(request(SignedBatch.OPERATOR, "signed the wrong batch"));

        assertThatThrownBy(() -> new RecordCorrector(unitOfWork).correct(new CorrectionRequest(
                RecordType.SIGNATURE_WITHDRAWAL, SignatureWithdrawal.keyFor("t:S1"), Map.of("reason", "other"),
                SignedBatch.RELEASER, "why", key())))
                .isInstanceOfSatisfying(CorrectionRefusedException.class,
                        e -> assertThat(e.rule().id()).isEqualTo("CORR-WITHDRAWAL"));
    }

    private Signature signature() {
        return records.<Signature>byKey(RecordType.SIGNATURE, "t:S1").orElseThrow();
    }

    private long edges(String type) {
        return NEO4J.db().read(tx -> tx.run("MATCH ()-[r:" + type + "]->() RETURN count(r) AS n", Map.of())
                .single().get("n").asLong());
    }

    private static WithdrawalRequest request(Actor actor, String reason) {
        return new WithdrawalRequest("t:S1", reason, actor, key());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
