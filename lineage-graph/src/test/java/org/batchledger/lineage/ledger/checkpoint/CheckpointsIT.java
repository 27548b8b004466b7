package org.batchledger.lineage.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteSigner;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.Tampering;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-LEDGER-008: a checkpoint is signed only after a consistency proof from the last one kept in the log; a rewritten
 * or truncated history is refused and nothing is signed; each crash point of a signing is reconciled at the next
 * start (a new {@link Checkpoints} on the same key directory and database) without signing twice.
 */
@Tag("REQ-LEDGER-008")
class CheckpointsIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @TempDir
    Path keys;
    private Checkpoints checkpoints;

    @BeforeEach
    void ledgerOfThreeWritesWithACheckpoint() {
        NEO4J.clean();
        checkpoints = start();
        for (int i = 1; i <= 3; i++) {
            write("-" + i);
        }
        assertThat(checkpoints.latest().treeSize()).isEqualTo(21);
    }

    @Test
    void eachNewCheckpointIsKeptInTheLogAndStoredWithTheSameNote() {
        write("-4");
        StoredCheckpoint second = checkpoints.latest();

        assertThat(second.treeSize()).isEqualTo(28);
        assertThat(keptSizes()).containsExactly(21L, 28L);
        assertThat(kept().last().orElseThrow().note()).isEqualTo(second.note());
        assertThat(storedNotes()).containsExactly(kept().checkpoints().get(0).note(), second.note());
        assertThat(checkpoints.latest().note()).as("an unmoved head signs nothing new").isEqualTo(second.note());
        assertThat(keptSizes()).hasSize(2);
        assertThat(checkpoints.status().consistent()).isTrue();
    }

    @Test
    void rewrittenHistoryWithTheStoredCheckpointsDeletedIsRefusedAndNothingIsSigned() {
        String keptRoot = checkpoints.latest().rootHash();
        attacker.editEntryText(5, "\"reason\":\"", "\"reason\":\"nothing to see; ");
        attacker.rechain();
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");
        write("-4");
        String headRoot = head().root();

        assertThatThrownBy(checkpoints::latest).isInstanceOf(LedgerInconsistentException.class)
                .hasMessageContaining("size 28, root " + headRoot)
                .hasMessageContaining("size 21, root " + keptRoot)
                .hasMessageContaining("the consistency proof does not lead to the old root");
        assertThat(storedNotes()).isEmpty();
        assertThat(keptSizes()).containsExactly(21L);
        assertThat(checkpoints.status().consistent()).isFalse();
    }

    @Test
    void aRewriteOfTheSameSizeIsRefused() {
        attacker.editEntryText(21, "\"reason\":\"", "\"reason\":\"nothing to see; ");
        attacker.rechain();
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");

        assertThatThrownBy(checkpoints::latest).isInstanceOf(LedgerInconsistentException.class)
                .hasMessageContaining("size 21, root " + head().root()).hasMessageContaining("inconsistent");
        assertThat(storedNotes()).isEmpty();
    }

    @Test
    void aHeadBehindTheKeptCheckpointIsRefusedNamingBothSizes() {
        attacker.truncateAfter(14);
        attacker.run("MATCH (n) WHERE n.ledgerSeq > 14 DETACH DELETE n");
        attacker.rechain();

        CheckpointStatus status = checkpoints.status();

        assertThat(status.consistent()).isFalse();
        assertThat(status.keptSize()).isEqualTo(21);
        assertThat(status.headSize()).isEqualTo(14);
        assertThat(status.detail()).contains("size 14", "size 21", "fewer than 21");
        assertThatThrownBy(checkpoints::latest).isInstanceOf(LedgerInconsistentException.class)
                .hasMessageStartingWith("refusing to sign a checkpoint: the database head (size 14");
    }

    @Test
    void crashAfterSigningBeforeTheLogKeepsNothingAndTheNextStartSignsOnce() {
        write("-4");
        checkpoints.crashPoint = crashAt(Checkpoints.Step.SIGNED);
        assertThatThrownBy(checkpoints::latest).isInstanceOf(SimulatedCrash.class);
        assertThat(keptSizes()).containsExactly(21L);

        Checkpoints restarted = start();
        CheckpointReconciliation.Outcome outcome = restarted.reconcile();

        assertThat(outcome.stored()).isEmpty();
        assertThat(outcome.appended()).isEmpty();
        assertThat(outcome.problems()).isEmpty();
        assertThat(restarted.latest().treeSize()).isEqualTo(28);
        assertThat(keptSizes()).containsExactly(21L, 28L);
        assertThat(storedSizes()).containsExactly(21L, 28L);
    }

    @Test
    void crashAfterTheLogBeforeTheDatabaseIsStoredAtTheNextStartAndNotSignedAgain() {
        write("-4");
        checkpoints.crashPoint = crashAt(Checkpoints.Step.KEPT);
        assertThatThrownBy(checkpoints::latest).isInstanceOf(SimulatedCrash.class);
        String keptNote = kept().last().orElseThrow().note();
        assertThat(storedSizes()).containsExactly(21L);

        Checkpoints restarted = start();
        CheckpointReconciliation.Outcome outcome = restarted.reconcile();

        assertThat(outcome.stored()).containsExactly(28L);
        assertThat(outcome.problems()).isEmpty();
        assertThat(storedNotes()).last().isEqualTo(keptNote);
        assertThat(restarted.latest().note()).isEqualTo(keptNote);
        assertThat(keptSizes()).as("signed once").containsExactly(21L, 28L);
    }

    @Test
    void aRecordTornByACrashWhileWritingTheLogIsReplacedByTheNextSignature() throws Exception {
        write("-4");
        Files.writeString(CheckpointLog.beside(keys).file(), "checkpoint 190\nbatchledger.hub/test\n28\n",
                StandardOpenOption.APPEND);

        Checkpoints restarted = start();
        assertThat(restarted.reconcile().problems()).isEmpty();

        assertThat(restarted.latest().treeSize()).isEqualTo(28);
        assertThat(keptSizes()).containsExactly(21L, 28L);
        assertThat(CheckpointLog.beside(keys).read().tornBytes()).isZero();
    }

    @Test
    void aDamagedLogIsReportedAndNothingIsSignedFromIt(@TempDir Path otherKeys) {
        write("-4");
        String foreign = SmallPlant.signer(otherKeys).sign(Checkpoint.at(SmallPlant.ORIGIN, 28, root(head()),
                Instant.now()));
        CheckpointLog.beside(keys).append(foreign, CheckpointLog.beside(keys).read().validLength());

        Checkpoints restarted = start();

        assertThat(restarted.reconcile().problems()).singleElement().asString()
                .startsWith("kept checkpoint record 2: the note has no signature by key");
        assertThat(restarted.status().consistent()).isFalse();
        assertThatThrownBy(restarted::latest).isInstanceOf(LedgerInconsistentException.class)
                .hasMessageContaining("kept checkpoint record 2");
        assertThat(storedSizes()).containsExactly(21L);
    }

    @Test
    void aCheckpointStoredButNotKeptIsAppendedToTheLogWhenSignedAndConsistent() {
        write("-4");
        storeWithoutKeeping(signer().sign(Checkpoint.at(SmallPlant.ORIGIN, 28, root(head()), Instant.now())));

        CheckpointReconciliation.Outcome outcome = start().reconcile();

        assertThat(outcome.appended()).containsExactly(28L);
        assertThat(outcome.problems()).isEmpty();
        assertThat(keptSizes()).containsExactly(21L, 28L);
        assertThat(kept().last().orElseThrow().note()).isEqualTo(storedNotes().getLast());
    }

    @Test
    void aStoredCheckpointInconsistentWithTheKeptOneIsReportedAndNotKept() {
        write("-4");
        byte[] wrongRoot = new byte[32];
        storeWithoutKeeping(signer().sign(Checkpoint.at(SmallPlant.ORIGIN, 28, wrongRoot, Instant.now())));

        CheckpointReconciliation.Outcome outcome = start().reconcile();

        assertThat(outcome.appended()).isEmpty();
        assertThat(outcome.problems()).singleElement().asString()
                .startsWith("stored checkpoint 28 is newer than the checkpoint log and was not kept");
        assertThat(keptSizes()).containsExactly(21L);
    }

    @Test
    void deletedAndAlteredStoredCheckpointsAreReportedNotRepairedExceptTheNewest() {
        write("-4");
        checkpoints.latest();
        write("-5");
        checkpoints.latest();
        attacker.run("MATCH (c:Checkpoint) WHERE c.treeSize IN [21, 35] DETACH DELETE c");
        attacker.run("MATCH (c:Checkpoint {treeSize: 28}) SET c.note = 'forged'");

        CheckpointReconciliation.Outcome outcome = start().reconcile();

        assertThat(outcome.stored()).as("a crash explains only the newest").containsExactly(35L);
        assertThat(outcome.problems()).containsExactly(
                "stored checkpoint 28 differs from the kept one (altered)",
                "kept checkpoints missing from the database (deleted): sizes [21]");
        assertThat(storedSizes()).containsExactly(28L, 35L);
    }

    @Test
    void aDatabaseThatPredatesTheLogHasItsSignedCheckpointsKeptAtTheFirstStart() {
        CheckpointLog log = CheckpointLog.beside(keys);
        assertThat(log.file().toFile().delete()).isTrue();

        CheckpointReconciliation.Outcome outcome = start().reconcile();

        assertThat(outcome.appended()).containsExactly(21L);
        assertThat(kept().last().orElseThrow().note()).isEqualTo(storedNotes().getFirst());
    }

    private Checkpoints start() {
        return new Checkpoints(NEO4J.db(), signer(), CheckpointLog.beside(keys), Clock.systemUTC());
    }

    private NoteSigner signer() {
        return SmallPlant.signer(keys);
    }

    private static void write(String suffix) {
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(suffix), SmallPlant.OPERATOR, "batch record"));
    }

    private KeptCheckpoints kept() {
        return KeptCheckpoints.read(CheckpointLog.beside(keys), NoteVerifier.of(signer().verifierKey()));
    }

    private List<Long> keptSizes() {
        return kept().checkpoints().stream().map(KeptCheckpoints.Kept::treeSize).toList();
    }

    private static List<String> storedNotes() {
        return NEO4J.db().read(tx -> tx.run("MATCH (c:Checkpoint) RETURN c.note AS n ORDER BY c.treeSize", Map.of())
                .list(r -> r.get("n").asString()));
    }

    private static List<Long> storedSizes() {
        return NEO4J.db().read(tx -> tx.run("MATCH (c:Checkpoint) RETURN c.treeSize AS s ORDER BY s", Map.of())
                .list(r -> r.get("s").asLong()));
    }

    private static LedgerHead head() {
        return NEO4J.db().read(LedgerHead::read);
    }

    private static byte[] root(LedgerHead head) {
        return HexFormat.of().parseHex(head.root());
    }

    // A hub that stored a note and died before keeping it (the other order of the two writes).
    private void storeWithoutKeeping(String note) {
        Checkpoint c = NoteVerifier.of(signer().verifierKey()).verifyCheckpoint(note).value();
        new CheckpointStore(NEO4J.db(), signer().verifierKey()).store(new KeptCheckpoints.Kept(c, note));
    }

    private static Checkpoints.CrashPoint crashAt(Checkpoints.Step step) {
        return reached -> {
            if (reached == step) {
                throw new SimulatedCrash();
            }
        };
    }

    private static final class SimulatedCrash extends RuntimeException {
    }
}
