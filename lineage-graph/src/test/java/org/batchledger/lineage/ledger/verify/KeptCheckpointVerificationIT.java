package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-LEDGER-011: verification against the hub's checkpoint log, with no note from the caller. Checkpoints at 21 and
 * 28 entries are kept and stored; the tamper cases are a database-only attacker's (no key, no log).
 */
@Tag("REQ-LEDGER-011")
class KeptCheckpointVerificationIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @TempDir
    Path keys;
    private LedgerVerifier verifier;

    @BeforeEach
    void ledgerWithTwoKeptCheckpoints() {
        NEO4J.clean();
        Checkpoints checkpoints = SmallPlant.checkpoints(NEO4J.db(), keys);
        verifier = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(checkpoints.verifierKey()),
                CheckpointLog.beside(keys));
        for (int i = 1; i <= 3; i++) {
            write("-" + i);
        }
        checkpoints.latest();
        write("-4");
        assertThat(checkpoints.latest().treeSize()).isEqualTo(28);
    }

    @Test
    void untouchedLedgerVerifiesAgainstTheLogWithEachCheckpointCheckedOnce() {
        LedgerReport report = verifier.verify(null);

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.checkpointsChecked()).isEqualTo(2);
    }

    @Test
    void forkedLedgerWithItsCheckpointsDeletedIsCaughtByTheKeptLogWithoutANote() {
        attacker.truncateAfter(14);
        attacker.run("MATCH (n) WHERE n.ledgerSeq > 14 DETACH DELETE n");
        attacker.run("MATCH ()-[r]->() WHERE r.ledgerSeq > 14 DELETE r");
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");
        attacker.rechain();
        write("-x");
        write("-y");

        LedgerReport report = verifier.verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).contains(
                "kept checkpoint 21 is missing from the database (deleted)",
                "kept checkpoint 28 is missing from the database (deleted)");
        assertThat(report.problems()).anyMatch(p -> p.startsWith("kept checkpoint 21 signs root")
                && p.endsWith("the ledger was rewritten"));
        assertThat(report.problems()).anyMatch(p -> p.startsWith("kept checkpoint 28 signs root"));
    }

    @Test
    void deletedStoredCheckpointIsReportedBySizeOnAnIntactLedger() {
        attacker.run("MATCH (c:Checkpoint {treeSize: 21}) DETACH DELETE c");

        LedgerReport report = verifier.verify(null);

        assertThat(report.problems()).containsExactly("kept checkpoint 21 is missing from the database (deleted)");
    }

    @Test
    void storedCheckpointReplacedByAnotherGenuineNoteIsReportedAsAltered() {
        attacker.run("""
                MATCH (a:Checkpoint {treeSize: 21}), (b:Checkpoint {treeSize: 28})
                SET a.note = b.note, a.rootHash = b.rootHash""");

        LedgerReport report = verifier.verify(null);

        assertThat(report.problems()).contains("stored checkpoint 21 differs from the kept checkpoint 21 (altered)");
    }

    @Test
    void storedCheckpointTheHubNeverKeptIsReported() {
        write("-5");
        LedgerHead head = NEO4J.db().read(LedgerHead::read);
        // signed with the hub key but never kept: what a key holder, not the hub, would leave behind
        String note = SmallPlant.signer(keys).sign(Checkpoint.at(SmallPlant.ORIGIN, 35,
                HexFormat.of().parseHex(head.root()), Instant.now()));
        attacker.run("CREATE (:Checkpoint {treeSize: 35, note: '" + note.replace("\n", "\\n") + "'})");

        LedgerReport report = verifier.verify(null);

        assertThat(report.problems()).containsExactly(
                "stored checkpoint 35 is newer than the last kept checkpoint (28) and not kept");
    }

    private static void write(String suffix) {
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(suffix), SmallPlant.OPERATOR, "batch record"));
    }

}
