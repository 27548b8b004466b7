package org.batchledger.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.verifier.proof.Cosignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two witnesses on loopback, started from the witness code and spoken to over real HTTP. */
@Tag("REQ-EVIDENCE-005")
@Tag("REQ-EVIDENCE-021")
class WitnessProtocolTest {
    static final String ORIGIN = "hub.test/ledger";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private final KeyPair logKey = TestLog.newKey();
    private final List<WitnessCommand.Running> witnesses = new ArrayList<>();
    private final ByteArrayOutputStream refusals = new ByteArrayOutputStream();
    private TestLog log;

    @BeforeEach
    void twoWitnesses() {
        log = new TestLog(ORIGIN, logKey);
        witnesses.add(start("w1"));
        witnesses.add(start("w2"));
    }

    @AfterEach
    void stop() {
        witnesses.forEach(WitnessCommand.Running::close);
    }

    WitnessCommand.Running start(String name) {
        return WitnessCommand.start(List.of("--listen", "127.0.0.1:0", "--state", dir.resolve(name).toString(),
                "--key", dir.resolve(name + ".key").toString(), "--name", name + ".test/witness",
                "--log", ORIGIN + "=" + log.verifierKey()), new PrintStream(refusals, true, StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(WitnessCommand.Running witness, String body) {
        return post(witness, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(WitnessCommand.Running witness, byte[] body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(witness.url().resolve("/add-checkpoint"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Cosignature.Witness> trusted() {
        return witnesses.stream().map(w -> Cosignature.Witness.of(w.verifierKey())).toList();
    }

    @Test
    @Tag("REQ-EVIDENCE-024")
    void bothWitnessesCosignSuccessiveCheckpointsAndTheCosignaturesVerify() {
        log.append("a", "b", "c");
        String note = log.signedNote();
        StringBuilder cosigned = new StringBuilder(note);
        for (WitnessCommand.Running witness : witnesses) {
            HttpResponse<String> response = post(witness, TestLog.request(0, List.of(), note));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).startsWith("— w").endsWith("\n");
            cosigned.append(response.body());
        }
        assertThat(Cosignature.quorum(cosigned.toString(), trusted(), 2).met()).isTrue();

        log.append("d", "e", "f", "g");
        String next = log.signedNote();
        StringBuilder cosignedNext = new StringBuilder(next);
        for (WitnessCommand.Running witness : witnesses) {
            HttpResponse<String> response = post(witness, log.request(3));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            cosignedNext.append(response.body());
        }
        Cosignature.Quorum quorum = Cosignature.quorum(cosignedNext.toString(), trusted(), 2);
        assertThat(quorum.cosigned()).containsExactly("w1.test/witness+" + hexId(0), "w2.test/witness+" + hexId(1));
        assertThat(quorum.met()).isTrue();
    }

    private String hexId(int witness) {
        return trusted().get(witness).label().split("\\+")[1];
    }

    @Test
    @Tag("REQ-EVIDENCE-022")
    void aForkedLogIsRefusedByBothWitnesses() {
        log.append("a", "b", "c");
        witnesses.forEach(w -> assertThat(post(w, log.request(0)).statusCode()).isEqualTo(200));
        // the key holder signs another history: same origin, same key, another third entry
        TestLog fork = new TestLog(ORIGIN, logKey).append("a", "b", "X");
        TestLog longerFork = new TestLog(ORIGIN, logKey).append("a", "b", "X", "d", "e");
        for (WitnessCommand.Running witness : witnesses) {
            HttpResponse<String> sameSize = post(witness, fork.request(3, List.of(), fork.signedNote()));
            assertThat(sameSize.statusCode()).as("equal size, another root").isEqualTo(409);
            assertThat(sameSize.body()).isEqualTo("3\n");
            HttpResponse<String> grown = post(witness, longerFork.request(3));
            assertThat(grown.statusCode()).as("a proof from the fork's own tree").isEqualTo(422);
            List<byte[]> genuineProof = new TestLog(ORIGIN, logKey).append("a", "b", "c", "d", "e").consistency(3);
            HttpResponse<String> borrowed = post(witness, TestLog.request(3, genuineProof, longerFork.signedNote()));
            assertThat(borrowed.statusCode()).as("a proof that does not lead to the new root").isEqualTo(422);
        }
        log.append("d", "e");
        witnesses.forEach(w -> assertThat(post(w, log.request(3)).statusCode()).as("the real log goes on")
                .isEqualTo(200));
        assertThat(refusals.toString(StandardCharsets.UTF_8)).contains("refused checkpoint 5 of " + ORIGIN);
    }

    @Test
    void anOldSizeOtherThanTheLastCosignedIsAConflictNamingThatSize() {
        log.append("a", "b", "c");
        WitnessCommand.Running witness = witnesses.get(0);
        assertThat(post(witness, log.request(0)).statusCode()).isEqualTo(200);
        log.append("d");
        HttpResponse<String> stale = post(witness, log.request(2));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("3\n");
        assertThat(post(witness, log.request(0)).statusCode()).as("a client without state learns the size")
                .isEqualTo(409);
        assertThat(post(witness, log.request(3)).statusCode()).isEqualTo(200);
    }

    @Test
    void anOldSizeLargerThanTheCheckpointIsABadRequest() {
        log.append("a", "b", "c");
        WitnessCommand.Running witness = witnesses.get(0);
        assertThat(post(witness, log.request(0)).statusCode()).isEqualTo(200);
        TestLog shorter = new TestLog(ORIGIN, logKey).append("a", "b");
        assertThat(post(witness, TestLog.request(3, List.of(), shorter.signedNote())).statusCode()).isEqualTo(400);
        assertThat(post(witness, TestLog.request(2, List.of(), shorter.signedNote())).statusCode())
                .as("a rollback to a smaller tree").isEqualTo(409);
    }

    @Test
    void aCheckpointNotSignedByTheLogsKeyIsForbidden() {
        TestLog impostor = new TestLog(ORIGIN, TestLog.newKey()).append("a");
        HttpResponse<String> response = post(witnesses.get(0), impostor.request(0));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("not signed by its key");
    }

    @Test
    void aCheckpointOfAnUnknownLogIsNotFound() {
        TestLog other = new TestLog("other.test/log", logKey).append("a");
        assertThat(post(witnesses.get(0), other.request(0)).statusCode()).isEqualTo(404);
    }

    @Test
    void malformedOversizedAndMisdirectedRequestsAreRefused() {
        log.append("a");
        WitnessCommand.Running witness = witnesses.get(0);
        assertThat(post(witness, "old 01\n\n" + log.signedNote()).statusCode()).as("leading zero").isEqualTo(400);
        assertThat(post(witness, "old 0\nnot base64\n\n" + log.signedNote()).statusCode()).isEqualTo(400);
        assertThat(post(witness, "old 0\n" + log.signedNote().replace("\n\n", "\n")).statusCode()).isEqualTo(400);
        assertThat(post(witness, new byte[] {'o', 'l', 'd', ' ', '0', '\n', '\n', (byte) 0xff}).statusCode())
                .as("not UTF-8").isEqualTo(400);
        byte[] huge = new byte[WitnessServer.MAX_BODY + 1];
        assertThat(post(witness, huge).statusCode()).isEqualTo(413);
        HttpResponse<String> get;
        try {
            get = HTTP.send(HttpRequest.newBuilder(witness.url().resolve("/add-checkpoint")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(post(witness, log.request(0)).statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    @Tag("REQ-EVIDENCE-025")
    void theClientSeesCosignaturesConflictsRefusalsAndOutagesForWhatTheyAre() {
        WitnessClient client = new WitnessClient(HTTP);
        WitnessCommand.Running witness = witnesses.get(0);
        log.append("a", "b", "c");
        WitnessClient.Answer cosigned = client.addCheckpoint(witness.url(), 0, List.of(), log.signedNote());
        assertThat(cosigned).isInstanceOf(WitnessClient.Cosigned.class);
        assertThat(trusted().get(0).verify(log.signedNote() + ((WitnessClient.Cosigned) cosigned).lines()).ok())
                .isTrue();
        assertThat(client.addCheckpoint(witness.url(), 0, List.of(), log.signedNote()))
                .isEqualTo(new WitnessClient.Conflict(3));
        TestLog other = new TestLog("other.test/log", logKey).append("a");
        assertThat(client.addCheckpoint(witness.url(), 0, List.of(), other.signedNote()))
                .isInstanceOfSatisfying(WitnessClient.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
        witness.close();
        assertThat(client.addCheckpoint(witness.url(), 3, List.of(), log.signedNote()))
                .isInstanceOf(WitnessClient.Unreachable.class);
    }

    @Test
    @Tag("REQ-EVIDENCE-023")
    void concurrentSubmissionsAreSerialisedSoExactlyOneWins() throws Exception {
        log.append("a", "b", "c");
        String body = log.request(0);
        WitnessCommand.Running witness = witnesses.get(0);
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            threads.add(new Thread(() -> statuses.add(post(witness, body).statusCode())));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
    }
}
