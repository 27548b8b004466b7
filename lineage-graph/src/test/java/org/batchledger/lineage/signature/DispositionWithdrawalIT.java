package org.batchledger.lineage.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.audit.AuditChanges;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.Verdict;
import org.batchledger.lineage.release.alcoa.AlcoaEngine;
import org.batchledger.lineage.release.alcoa.AlcoaRuleSet;
import org.batchledger.lineage.release.alcoa.RawDataStore;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.SignatureWithdrawals;
import org.batchledger.lineage.write.WithdrawalRefusedException;
import org.batchledger.lineage.write.WithdrawalRequest;
import org.batchledger.schema.json.RecordFields.Difference;
import org.batchledger.schema.record.Disposition.DispositionDecision;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Withdrawing a disposition's signature puts the batch and its lots back to the status they had before, in the
 * withdrawal's own write (old → new in their audit trails), so a second disposition can be taken; a second withdrawal
 * is refused by rule with nothing written.
 */
@Tag("REQ-SIGNATURE-035")
class DispositionWithdrawalIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor RELEASER = new Actor("sub-rel", "Rosa Releaser", List.of("qa-release"), "ui-client");
    private static final Actor OTHER_RELEASER = new Actor("sub-rel2", "Remy Releaser", List.of("qa-release"),
            "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final GenealogyTraversal traversal = new GenealogyTraversal(NEO4J.db());
    private final ReleaseReadiness readiness = new ReleaseReadiness(NEO4J.db(), traversal,
            ReleasePlant.specifications(), ReleaseReadiness.DEFAULT_LIMITS,
            new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), ReleasePlant.specifications(), RawDataStore.UNKNOWN));
    private final Dispositions dispositions = new Dispositions(NEO4J.db(), unitOfWork, readiness, traversal,
            MeaningRules.defaults(), Duration.ofMinutes(5), Clock.systemUTC());
    private final SignatureWithdrawals withdrawals = new SignatureWithdrawals(unitOfWork, Clock.systemUTC());
    @TempDir
    Path keys;

    @BeforeEach
    void readyBatch() {
        NEO4J.clean();
        ReleasePlant.ready().write(new RecordWriter(unitOfWork));
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
    }

    private Dispositions.Disposed dispose(Actor who, DispositionDecision decision, String justification) {
        return dispositions.dispose(new DispositionRequest(ReleasePlant.BATCH, decision, justification, who,
                Instant.now(), UUID.randomUUID().toString()));
    }

    private SignatureWithdrawals.Receipt withdraw(Dispositions.Disposed d, Actor who, String reason) {
        return withdrawals.withdraw(new WithdrawalRequest(d.signature().key(), reason, who,
                UUID.randomUUID().toString()));
    }

    private static long size() {
        return NEO4J.db().read(LedgerHead::read).treeSize();
    }

    private static String status(RecordType type, String key) {
        return NEO4J.db().read(tx -> tx.run("MATCH (n:" + type.graphName()
                + " {key: $k}) WHERE n.supersededAtSeq IS NULL RETURN n.status AS s", Map.of("k", key))
                .single().get("s").asString());
    }

    private Verdict verdict() {
        return readiness.evaluate(ReleasePlant.BATCH, new AsOf(size())).orElseThrow().readiness().verdict();
    }

    /** The checks that do not pass, as {@code name: STATUS}, after a checkpoint over everything written. */
    private List<String> notPassing() {
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        return readiness.evaluate(ReleasePlant.BATCH, new AsOf(size())).orElseThrow().readiness().checks().stream()
                .filter(c -> c.status() != org.batchledger.lineage.release.CheckStatus.PASS)
                .map(c -> c.name() + ": " + c.status() + " " + c.explanation()).toList();
    }

    private boolean verifies() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null).ok();
    }

    private static List<AuditEntry> trail(RecordType type, String key) {
        return new LedgerReads(NEO4J.db()).auditTrail(type, key, new PageRequest(50, null)).items();
    }

    @Test
    void withdrawingAReleaseRestoresTheBatchAndItsLotsInTheSameWriteAndASecondDispositionIsAccepted() {
        String batchBefore = status(RecordType.BATCH, ReleasePlant.BATCH);
        String lotBefore = status(RecordType.LOT, ReleasePlant.LOT_TABLETS);
        Dispositions.Disposed released = dispose(RELEASER, DispositionDecision.RELEASED, null);
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo("RELEASED");
        long before = size();

        SignatureWithdrawals.Receipt w = withdraw(released, RELEASER, "released the wrong batch");

        // the batch's and the lot's restoring versions, then the withdrawal: one commit
        assertThat(w.seq()).isEqualTo(before + 3);
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo(batchBefore).isNotEqualTo("RELEASED");
        assertThat(status(RecordType.LOT, ReleasePlant.LOT_TABLETS)).isEqualTo(lotBefore);
        // the release's and the withdrawal's status versions are new versions of the batch's records, so, as after
        // any correction, the audit trail needs a new review and those versions a decision before it is READY again
        assertThat(notPassing()).hasSize(2).satisfiesExactly(
                c -> assertThat(c).startsWith("audit-trail-reviewed: INCOMPLETE"),
                c -> assertThat(c).startsWith("exceptions-reviewed: FAIL").contains("CORRECTION ×4"));
        assertThat(verdict()).isEqualTo(Verdict.BLOCKED);
        List<AuditEntry> batchTrail = trail(RecordType.BATCH, ReleasePlant.BATCH);
        AuditEntry restore = batchTrail.getLast();
        assertThat(restore.action()).isEqualTo("TRANSITION");
        assertThat(restore.reason()).isEqualTo("released the wrong batch");
        assertThat(restore.actor().subject()).isEqualTo(RELEASER.subject());
        assertThat(new AuditChanges(NEO4J.db()).of(batchTrail).get(restore))
                .containsExactly(new Difference("status", "RELEASED", batchBefore));
        List<AuditEntry> lotTrail = trail(RecordType.LOT, ReleasePlant.LOT_TABLETS);
        assertThat(new AuditChanges(NEO4J.db()).of(lotTrail).get(lotTrail.getLast()))
                .containsExactly(new Difference("status", "RELEASED", lotBefore));
        assertThat(verifies()).as("verifyLedger after the withdrawal of a release").isTrue();

        Dispositions.Disposed rejected = dispose(OTHER_RELEASER, DispositionDecision.REJECTED,
                "release withdrawn: reject after review");
        assertThat(rejected.batch().status().name()).isEqualTo("REJECTED");
        assertThat(status(RecordType.LOT, ReleasePlant.LOT_TABLETS)).isEqualTo("REJECTED");
        assertThat(verifies()).isTrue();
    }

    @Test
    void withdrawingAnOnHoldRestoresNothingButFreesTheBatchForADisposition() {
        String batchBefore = status(RecordType.BATCH, ReleasePlant.BATCH);
        Dispositions.Disposed held = dispose(RELEASER, DispositionDecision.ON_HOLD, "second opinion");
        assertThat(verdict()).isEqualTo(Verdict.ON_HOLD);
        long before = size();

        assertThat(withdraw(held, RELEASER, "opinion given").seq()).as("the withdrawal only").isEqualTo(before + 1);

        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo(batchBefore);
        assertThat(notPassing()).isEmpty();
        assertThat(verdict()).isEqualTo(Verdict.READY);
        assertThat(dispose(RELEASER, DispositionDecision.RELEASED, null).batch().status().name())
                .isEqualTo("RELEASED");
    }

    @Test
    void aSecondWithdrawalOfTheSameDispositionIsRefusedByRuleAndWritesNothing() {
        Dispositions.Disposed rejected = dispose(RELEASER, DispositionDecision.REJECTED, "OOS on retest");
        withdraw(rejected, RELEASER, "rejected in error");
        String restored = status(RecordType.BATCH, ReleasePlant.BATCH);
        long before = size();

        assertThatThrownBy(() -> withdraw(rejected, RELEASER, "again"))
                .isInstanceOfSatisfying(WithdrawalRefusedException.class, e -> {
                    assertThat(e.rule().id()).isEqualTo("WDR-ONCE");
                    assertThat(e.signature()).isEqualTo("Signature:" + rejected.signature().key());
                });

        assertThat(size()).as("a refused withdrawal writes nothing").isEqualTo(before);
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo(restored);
    }

    @Test
    void aWithdrawalByNeitherTheSignerNorQaReleaseIsRefusedAndLeavesTheReleaseStanding() {
        Dispositions.Disposed released = dispose(RELEASER, DispositionDecision.RELEASED, null);
        long before = size();

        assertThatThrownBy(() -> withdraw(released, ReleasePlant.REVIEWER, "not mine to withdraw"))
                .isInstanceOfSatisfying(WithdrawalRefusedException.class,
                        e -> assertThat(e.rule().id()).isEqualTo("WDR-WHO"));

        assertThat(size()).isEqualTo(before);
        assertThat(status(RecordType.BATCH, ReleasePlant.BATCH)).isEqualTo("RELEASED");
        assertThat(verdict()).isEqualTo(Verdict.RELEASED);
    }
}
