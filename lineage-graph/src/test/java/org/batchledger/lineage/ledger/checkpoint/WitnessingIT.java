package org.batchledger.lineage.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.witness.WitnessClient;
import org.batchledger.witness.WitnessCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's checkpoint signer with two real witnesses on loopback (the witness code of the verifier jar, started in
 * this JVM, spoken to over HTTP): each new checkpoint is cosigned by both with a proof from what each cosigned
 * last, a witness outage holds nothing up and is caught up later, and verification can require k of n.
 */
@Tag("REQ-EVIDENCE-005")
@Tag("REQ-EVIDENCE-025")
class WitnessingIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private Checkpoints checkpoints;
    private final List<WitnessCommand.Running> witnesses = new ArrayList<>();
    private final List<Witnessing.Endpoint> endpoints = new ArrayList<>();
    private Witnessing witnessing;

    @BeforeEach
    void hubWithTwoWitnesses() {
        NEO4J.clean();
        checkpoints = SmallPlant.checkpoints(NEO4J.db(), dir.resolve("keys"));
        for (String name : List.of("w1", "w2")) {
            WitnessCommand.Running witness = start(name, "127.0.0.1:0");
            witnesses.add(witness);
            endpoints.add(Witnessing.Endpoint.of(witness.url().toString(), witness.verifierKey()));
        }
        witnessing = newWitnessing();
        checkpoints.onSigned(checkpoint -> witnessing.submit(checkpoint));
    }

    @AfterEach
    void stopWitnesses() {
        witnesses.forEach(WitnessCommand.Running::close);
    }

    private Witnessing newWitnessing() {
        return new Witnessing(checkpoints, new LedgerProofs(NEO4J.db()), endpoints, new WitnessClient(HTTP),
                Clock.systemUTC());
    }

    private WitnessCommand.Running start(String name, String listen) {
        return WitnessCommand.start(List.of("--listen", listen, "--state", dir.resolve(name).toString(), "--key",
                dir.resolve(name + ".key").toString(), "--name", name + ".test/witness", "--log",
                SmallPlant.ORIGIN + "=" + checkpoints.verifierKey()), new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8));
    }

    private List<Cosignature.Witness> keys() {
        return endpoints.stream().map(Witnessing.Endpoint::key).toList();
    }

    private static void write(String suffix) {
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(suffix), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void eachNewCheckpointIsCosignedByBothWitnessesAndServedWithTheirLines() {
        write("-1");
        assertThat(checkpoints.latest().treeSize()).isEqualTo(7);
        write("-2");
        checkpoints.latest();
        StoredCheckpoint newest = checkpoints.newestStored().orElseThrow();
        assertThat(newest.treeSize()).isEqualTo(14);
        assertThat(newest.cosignatures()).hasSize(2);
        assertThat(Cosignature.quorum(newest.cosignedNote(), keys(), 2).met()).isTrue();
        assertThat(NoteVerifier.of(checkpoints.verifierKey()).verifyCheckpoint(newest.cosignedNote()).ok())
                .as("the hub's key still verifies the note with the cosignatures on it").isTrue();
        assertThat(checkpoints.latest().cosignedNote()).isEqualTo(newest.cosignedNote());
        assertThat(witnessing.status()).extracting(Witnessing.WitnessStatus::cosignedSize).containsExactly(14L, 14L);
        assertThat(new LedgerVerifier(NEO4J.db(), NoteVerifier.of(checkpoints.verifierKey()))
                .requiringCosignatures(keys(), 2).verify(null).ok()).isTrue();
    }

    @Test
    @Tag("REQ-EVIDENCE-026")
    void aWitnessOutageHoldsNothingUpFailsAQuorumOfTwoAndIsCaughtUpLater() {
        write("-1");
        checkpoints.latest();
        int port = witnesses.get(1).url().getPort();
        witnesses.get(1).close();
        write("-2");
        assertThat(checkpoints.latest().treeSize()).as("the ledger goes on").isEqualTo(14);
        assertThat(witnessing.status().get(1).lastError()).startsWith("unreachable");
        assertThat(witnessing.status().get(1).cosignedSize()).isEqualTo(7);

        LedgerReport report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(checkpoints.verifierKey()))
                .requiringCosignatures(keys(), 2).verify(null);
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("stored checkpoint 14")
                .contains("1 of 2 witnesses cosigned, 2 required").contains(keys().get(1).label()));
        assertThat(new LedgerVerifier(NEO4J.db(), NoteVerifier.of(checkpoints.verifierKey()))
                .requiringCosignatures(keys(), 1).verify(null).ok()).isTrue();

        witnesses.set(1, start("w2", "127.0.0.1:" + port)); // the same state directory: it remembers size 7
        witnessing.catchUp();
        assertThat(witnessing.status().get(1).lastError()).isNull();
        assertThat(checkpoints.newestStored().orElseThrow().cosignatures()).hasSize(2);
    }

    @Test
    void aHubThatForgotWhatAWitnessCosignedLearnsItsSizeFromTheConflictAndRetries() {
        write("-1");
        checkpoints.latest();
        NEO4J.db().write(tx -> tx.run("MATCH (c:Checkpoint) REMOVE c.cosignatures", java.util.Map.of()).consume());
        witnessing = newWitnessing();
        write("-2");
        checkpoints.latest();
        assertThat(witnessing.status()).allSatisfy(s -> {
            assertThat(s.lastError()).isNull();
            assertThat(s.cosignedSize()).isEqualTo(14);
        });
    }

    @Test
    @Tag("REQ-EVIDENCE-022")
    void aForkSignedWithTheHubsOwnKeyIsRefusedByBothWitnesses() throws Exception {
        write("-1");
        checkpoints.latest();
        Checkpoint fork = new Checkpoint(SmallPlant.ORIGIN, 7, MerkleHash.leaf(new byte[] {1}), List.of());
        String note = SmallPlant.signer(dir.resolve("keys")).sign(fork);
        for (WitnessCommand.Running witness : witnesses) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(witness.url().resolve("/add-checkpoint"))
                    .POST(HttpRequest.BodyPublishers.ofString("old 7\n\n" + note)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(409);
        }
    }
}
