package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.checkpoint.Checkpoints;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification command line, run in-process against a Neo4j holding a small ledger (three writes of seven
 * records, 21 entries, a signed checkpoint): exit 0 and an ok report for an intact ledger, 1 and the first bad
 * entry for a tampered one, 2 and a clear error for bad arguments, 3 when the database cannot be read.
 */
@Tag("REQ-LEDGER-012")
@Tag("REQ-LEDGER-011")
class VerifyLedgerCommandIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final Tampering attacker = new Tampering(NEO4J.db());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;
    private Checkpoints checkpoints;

    @BeforeEach
    void ledgerOfThreeWritesWithACheckpoint() {
        NEO4J.clean();
        checkpoints = SmallPlant.checkpoints(NEO4J.db(), dir);
        for (int i = 1; i <= 3; i++) {
            NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "batch record"));
        }
        assertThat(checkpoints.latest().treeSize()).isEqualTo(21);
    }

    @Test
    void intactLedgerExitsZeroWithAnOkReportOfEveryEntryAndRecord() {
        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey());

        assertThat(status).as(err()).isEqualTo(VerifyLedgerCommand.OK);
        assertThat(out()).startsWith("ok: 21 entries").contains("21 records, 1 checkpoints checked")
                .contains("tree size 21, root " + checkpoints.latest().rootHash())
                .doesNotContain("problem", "first bad entry");
        assertThat(err()).isEmpty();
    }

    @Test
    void tamperedEntryExitsOneAndTheReportNamesTheFirstBadEntry() {
        attacker.editEntry(5, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                e.contentHash(), e.supersedesHash(), e.actorSubject(), "Mallory", e.actorRoles(), e.actorClient(),
                e.reason(), e.commitId(), e.prevHash(), e.version()));

        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey());

        assertThat(status).isEqualTo(VerifyLedgerCommand.FAILED);
        assertThat(out()).startsWith("FAILED").contains("first bad entry: 5 (1 bad entries)")
                .contains("problem: entry 5: its bytes do not hash to its leaf in the level-0 hash tile (entry altered)");
    }

    @Test
    void tamperedRecordExitsOneAndTheReportNamesTheRecord() {
        attacker.run("MATCH (l:Lot {key: 't:LOT-IN-2'}) SET l.quantity = 999.0");

        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey());

        assertThat(status).isEqualTo(VerifyLedgerCommand.FAILED);
        assertThat(out()).contains("record mismatches: 1").contains("record Lot t:LOT-IN-2")
                .contains("record altered").doesNotContain("first bad entry");
    }

    @Test
    void rewrittenLedgerFailsAgainstTheCheckpointNoteFileGiven() throws IOException {
        Path note = Files.writeString(dir.resolve("checkpoint.note"), checkpoints.latest().note());
        attacker.editEntry(5, e -> new LedgerEntry(e.seq(), e.at(), e.action(), e.entityType(), e.entityKey(),
                e.contentHash(), e.supersedesHash(), e.actorSubject(), e.actorName(), e.actorRoles(), e.actorClient(),
                "nothing to see", e.commitId(), e.prevHash(), e.version()));
        attacker.rechain();
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");

        assertThat(run("--uri", uri(), "--vkey", checkpoints.verifierKey())).as("without the note it looks whole")
                .isEqualTo(VerifyLedgerCommand.OK);
        out.reset();
        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--checkpoint", note.toString());

        assertThat(status).isEqualTo(VerifyLedgerCommand.FAILED);
        assertThat(out()).contains("problem: the checkpoint supplied").contains("the ledger was rewritten");
    }

    @Test
    void rewrittenLedgerWithItsCheckpointsDeletedFailsAgainstTheKeptLogOfTheDataDirectory() throws IOException {
        Path keys = Files.createDirectories(dir.resolve("data").resolve("keys"));
        Files.copy(dir.resolve("checkpoints.log"), keys.resolve("checkpoints.log"));
        attacker.editEntryText(5, "\"reason\":\"", "\"reason\":\"nothing to see; ");
        attacker.rechain();
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");

        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--data-dir",
                dir.resolve("data").toString());

        assertThat(status).isEqualTo(VerifyLedgerCommand.FAILED);
        assertThat(out()).contains("problem: kept checkpoint 21 is missing from the database (deleted)")
                .contains("problem: kept checkpoint 21 signs root").contains("the ledger was rewritten");
        out.reset();
        assertThat(run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--kept-log",
                dir.resolve("checkpoints.log").toString())).isEqualTo(VerifyLedgerCommand.FAILED);
    }

    @Test
    void missingCheckpointLogIsAUsageErrorNamingTheFile() {
        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--data-dir", dir.toString());

        assertThat(status).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: no checkpoint log at " + dir.resolve("keys").resolve("checkpoints.log"));
    }

    @Test
    void missingRequiredOptionIsAUsageErrorNamingIt() {
        assertThat(run("--uri", uri())).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: --vkey is required").contains("usage: VerifyLedgerCommand");
        assertThat(out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageErrorNotSilentlyIgnored() {
        Path note = dir.resolve("kept.note");

        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--chekpoint", note.toString());

        assertThat(status).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: unknown option --chekpoint");
        assertThat(out()).isEmpty();
    }

    @Test
    void optionWithoutAValueIsAUsageError() {
        assertThat(run("--uri", uri(), "--vkey")).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: --vkey needs a value");
    }

    @Test
    void malformedVerifierKeyIsAUsageErrorSayingWhatAKeyLooksLike() {
        assertThat(run("--uri", uri(), "--vkey", "not-a-key")).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: --vkey: a verifier key is <name>+<8 hex digits>+<base64 key>");
    }

    @Test
    void unreadableCheckpointNoteIsAUsageErrorNamingTheFile() {
        String missing = dir.resolve("no-such.note").toString();

        int status = run("--uri", uri(), "--vkey", checkpoints.verifierKey(), "--checkpoint", missing);

        assertThat(status).isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: --checkpoint: cannot read the note " + missing);
    }

    @Test
    void uriThatIsNotANeo4jUriIsAUsageError() {
        assertThat(run("--uri", "http://127.0.0.1:7474", "--vkey", checkpoints.verifierKey()))
                .isEqualTo(VerifyLedgerCommand.USAGE);
        assertThat(err()).contains("error: --uri http://127.0.0.1:7474 is not a Neo4j URI");
    }

    @Test
    void unreachableDatabaseExitsThreeWithAClearError() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String uri = "neo4j://127.0.0.1:" + port;

        int status = run("--uri", uri, "--vkey", checkpoints.verifierKey());

        assertThat(status).isEqualTo(VerifyLedgerCommand.UNREADABLE);
        assertThat(err()).startsWith("error: cannot read the ledger from " + uri);
        assertThat(out()).isEmpty();
    }

    private int run(String... args) {
        return VerifyLedgerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String uri() {
        return NEO4J.uri().toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
