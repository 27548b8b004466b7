package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.audit.ConsistencyProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.ledger.checkpoint.StoredCheckpoint;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.lineage.ledger.proof.HubKeys;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-LEDGER-009, tamper cases: each test tampers with raw Cypher, as someone with database access would, and the
 * verifier must catch it. The ledger is three writes of seven records (21 entries) with a signed checkpoint.
 */
@Tag("REQ-LEDGER-009")
class LedgerTamperIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final RecordWriter writer = NEO4J.writer();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @TempDir
    Path keys;
    private Checkpoints checkpoints;
    private LedgerVerifier verifier;

    @BeforeEach
    void ledgerOfThreeWritesWithACheckpoint() {
        NEO4J.clean();
        checkpoints = SmallPlant.checkpoints(NEO4J.db(), keys);
        verifier = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(checkpoints.verifierKey()));
        for (int i = 1; i <= 3; i++) {
            writer.write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "batch record"));
        }
        assertThat(checkpoints.latest().treeSize()).isEqualTo(21);
    }

    @Test
    void everyReadAfterTheHeadWaitsForTheHeadsBookmarkSoALaggingReplicaCannotFakeMissingEntries() {
        long before = NEO4J.db().roundTripsAfterBookmarks();
        long all = NEO4J.db().roundTrips();

        assertThat(verifier.verify(null).ok()).isTrue();

        // the head is read without a bookmark; every page, record and checkpoint query after it waits for it
        long waited = NEO4J.db().roundTripsAfterBookmarks() - before;
        long queries = NEO4J.db().roundTrips() - all;
        assertThat(waited).isPositive().isEqualTo(queries - 1);
    }

    @Test
    void untouchedLedgerVerifiesWithEveryEntryAndRecordChecked() {
        LedgerReport report = verifier.verify(null);

        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(21);
        assertThat(report.recordsChecked()).isEqualTo(21);
        assertThat(report.checkpointsChecked()).isEqualTo(1);
        assertThat(report.canonicalBytes()).isPositive();
    }

    @Test
    void editedRecordPropertyIsReportedAsThatRecord() {
        attacker.run("MATCH (l:Lot {key: 't:LOT-IN-2'}) SET l.quantity = 999.0");

        LedgerReport report = verifier.verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadEntry()).as("the ledger itself is intact").isNull();
        assertThat(report.recordMismatchCount()).isEqualTo(1);
        assertThat(report.recordMismatches().getFirst()).satisfies(m -> {
            assertThat(m.entityKey()).isEqualTo("t:LOT-IN-2");
            assertThat(m.reason()).contains("record altered");
        });
    }

    @Test
    void editedRelationshipPropertyWithItsContentHashIsStillCaught() {
        attacker.run("MATCH ()-[c:CONSUMED_IN {key: 't:C-1'}]->() SET c.quantity = 1.0, c.contentHash = 'f00d'");

        LedgerReport report = verifier.verify(null);

        assertThat(report.recordMismatches()).extracting(LedgerReport.RecordMismatch::entityKey)
                .containsExactly("t:C-1");
    }

    @Test
    void editedEntryPayloadIsTheFirstBadEntry() {
        attacker.editEntry(5, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                e.contentHash(), e.supersedesHash(), e.actorSubject(), "Mallory", e.actorRoles(), e.actorClient(),
                e.reason(), e.commitId(), e.prevHash(), e.version()));

        LedgerReport report = verifier.verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadEntry()).isEqualTo(5);
        assertThat(report.badEntries()).as("one edit, reported once").isEqualTo(1);
    }

    @Test
    void entryPropertyRetypedSoItNoLongerFormsAnEntryIsTheFirstBadEntryAndTheChainGoesOn() {
        attacker.editEntryText(6, "\"at\":\"", "\"at\":20260302,\"x\":\"");

        LedgerReport report = verifier.verify(null);

        assertThat(report.firstBadEntry()).isEqualTo(6);
        assertThat(report.badEntries()).as("one edit, reported once").isEqualTo(1);
        assertThat(report.problems()).anyMatch(p -> p.contains("entry 6: ") && p.contains("do not form a canonical entry"));
    }

    @Test
    void deletedEntryIsReportedWhereTheGapIs() {
        attacker.deleteEntry(9);

        LedgerReport report = verifier.verify(null);

        assertThat(report.firstBadEntry()).isEqualTo(9);
        assertThat(report.problems()).anyMatch(p -> p.startsWith("entry 9:") && p.contains("names sequence number 10"));
    }

    @Test
    void swappedEntriesBreakTheChainAtTheFirstOfThem() {
        attacker.swapEntries(3, 4);

        LedgerReport report = verifier.verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBadEntry()).isEqualTo(3);
    }

    @Test
    void truncatedTailIsCaughtByAnExportedCheckpointAndItsConsistencyProof() {
        StoredCheckpoint exported = checkpoints.latest();
        attacker.truncateAfter(14);
        attacker.run("MATCH (n) WHERE n.ledgerSeq > 14 DETACH DELETE n");
        attacker.run("MATCH ()-[r]->() WHERE r.ledgerSeq > 14 DELETE r");
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");
        attacker.rechain();
        // The attacker writes other records to reach the exported size again: a fork.
        writer.write(WriteRequest.of(SmallPlant.step("-x"), SmallPlant.OPERATOR, "fork"));

        assertThat(verifier.verify(null).ok()).as("without the exported checkpoint the fork looks whole").isTrue();
        LedgerReport report = verifier.verify(exported.note());
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("the checkpoint supplied") && p.contains("rewritten"));
        ConsistencyProof proof = new LedgerProofs(NEO4J.db()).consistency(exported.treeSize(), null);
        assertThat(ProofVerifier.verifyConsistency(exported.treeSize(), proof.toSize(), hex(exported.rootHash()),
                hex(proof.toRoot()), proof.hashes().stream().map(LedgerTamperIT::hex).toList()).ok()).isFalse();
    }

    @Test
    void truncationBelowAnExportedCheckpointSaysEntriesWereRemoved() {
        String exported = checkpoints.latest().note();
        attacker.truncateAfter(14);
        attacker.run("MATCH (n) WHERE n.ledgerSeq > 14 DETACH DELETE n");
        attacker.run("MATCH ()-[r]->() WHERE r.ledgerSeq > 14 DELETE r");
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");
        attacker.rechain();

        LedgerReport report = verifier.verify(exported);

        assertThat(report.problems()).anyMatch(p -> p.contains("covers 21 entries but the ledger has only 14"));
    }

    @Test
    void rechainedLedgerIsCaughtOnlyByTheSignedCheckpoint() {
        attacker.editEntry(5, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(), e.actorClient(),
                "nothing to see", e.commitId(), e.prevHash(), e.version()));
        attacker.rechain();

        LedgerReport report = verifier.verify(null);

        assertThat(report.firstBadEntry()).as("every hash was recomputed").isNull();
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("stored checkpoint 21").contains("the ledger was rewritten");
    }

    @Test
    void forgedCheckpointSignatureIsRejected(@TempDir Path attackerKeys) {
        attacker.editEntry(5, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(), e.actorClient(),
                "nothing to see", e.commitId(), e.prevHash(), e.version()));
        attacker.rechain();
        String root = NEO4J.db().read(tx -> tx.run("MATCH (h:LedgerHead) RETURN h.root AS r", java.util.Map.of())
                .single().get("r").asString());
        // Same origin, the attacker's own key: the note is well-formed but not signed by the hub.
        String forged = HubKeys.loadOrCreate(attackerKeys, SmallPlant.ORIGIN)
                .sign(Checkpoint.at(SmallPlant.ORIGIN, 21, hex(root), Instant.now()));
        NEO4J.db().write(tx -> tx.run("MATCH (c:Checkpoint {treeSize: 21}) SET c.note = $note, c.rootHash = $root",
                java.util.Map.of("note", forged, "root", root)).consume());

        LedgerReport report = verifier.verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("stored checkpoint 21") && p.contains("no signature"));
    }

    @Test
    void alteredSignatureBytesAreRejected() {
        String note = checkpoints.latest().note();
        int sig = note.lastIndexOf(' ') + 10;
        String bad = note.substring(0, sig) + (note.charAt(sig) == 'A' ? 'B' : 'A') + note.substring(sig + 1);
        NEO4J.db().write(tx -> tx.run("MATCH (c:Checkpoint) SET c.note = $note", java.util.Map.of("note", bad))
                .consume());

        assertThat(verifier.verify(null).problems()).anyMatch(p -> p.contains("invalid signature"));
    }

    private static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }
}
