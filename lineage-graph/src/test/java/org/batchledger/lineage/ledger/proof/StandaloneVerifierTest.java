package org.batchledger.lineage.ledger.proof;

import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteSigner;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier an inspector runs on exported data: exit 0 on ok, 1 with a reason on failure, 2 on bad usage. */
@Tag("REQ-EVIDENCE-001")
class StandaloneVerifierTest {
    final List<byte[]> entries = List.of("{\"seq\":0}".getBytes(), "{\"seq\":1}".getBytes(),
            "{\"a\":1,\"seq\":2}".getBytes(), "{\"seq\":3}".getBytes(), "{\"seq\":4}".getBytes());
    final InMemoryTree tree = InMemoryTree.ofEntries(entries);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void acceptsAnInclusionProofForALeafHash() {
        assertThat(run("inclusion", "--index", "2", "--size", "5", "--root", Hex.hex(tree.root()),
                "--proof", joined(MerkleProofs.inclusionProof(2, 5, tree)), "--leaf-hash",
                Hex.hex(MerkleHash.leaf(entries.get(2))))).isEqualTo(0);
        assertThat(out.toString()).startsWith("ok");
    }

    @Test
    void acceptsAnInclusionProofForEntryBytesAndForEntryJson() throws IOException {
        Path entry = Files.write(dir.resolve("entry.bin"), entries.get(2));
        Path json = Files.writeString(dir.resolve("entry.json"), "{ \"seq\": 2, \"a\": 1.0 }");
        String proof = joined(MerkleProofs.inclusionProof(2, 5, tree));
        String root = base64(tree.root());
        assertThat(run("inclusion", "--index", "2", "--size", "5", "--root", root, "--proof", proof,
                "--entry", entry.toString())).isEqualTo(0);
        assertThat(run("inclusion", "--index", "2", "--size", "5", "--root", root, "--proof", proof,
                "--entry-json", json.toString())).isEqualTo(0);
    }

    @Test
    void failsAnInclusionProofForAnEditedEntryWithTheReason() throws IOException {
        Path entry = Files.writeString(dir.resolve("entry.bin"), "{\"a\":2,\"seq\":2}");
        assertThat(run("inclusion", "--index", "2", "--size", "5", "--root", Hex.hex(tree.root()), "--proof",
                joined(MerkleProofs.inclusionProof(2, 5, tree)), "--entry", entry.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not lead to the given root");
    }

    @Test
    void checksConsistencyBetweenTwoRoots() {
        String proof = joined(MerkleProofs.consistencyProof(3, 5, tree));
        assertThat(run("consistency", "--old-size", "3", "--new-size", "5", "--old-root", Hex.hex(tree.root(3)),
                "--new-root", Hex.hex(tree.root(5)), "--proof", proof)).isEqualTo(0);
        assertThat(run("consistency", "--old-size", "3", "--new-size", "5", "--old-root", Hex.hex(tree.root(2)),
                "--new-root", Hex.hex(tree.root(5)), "--proof", proof)).isEqualTo(1);
        assertThat(err.toString()).contains("old root");
    }

    @Test
    void checksACheckpointFileAgainstAVerifierKey() throws IOException {
        NoteSigner signer = SignedCheckpointTest.signer("batchledger.example/ledger");
        String note = signer.sign(Checkpoint.at("batchledger.example/ledger", 5, tree.root(), Instant.EPOCH));
        Path good = Files.writeString(dir.resolve("good.checkpoint"), note);
        Path bad = Files.writeString(dir.resolve("bad.checkpoint"), note.replace("\n5\n", "\n4\n"));

        assertThat(run("checkpoint", "--note", good.toString(), "--vkey", signer.verifierKey())).isEqualTo(0);
        assertThat(out.toString()).contains("tree size 5").contains("1970-01-01T00:00:00Z");
        assertThat(run("checkpoint", "--note", bad.toString(), "--vkey", signer.verifierKey())).isEqualTo(1);
        assertThat(err.toString()).contains("invalid signature");
    }

    @Test
    void readsItsInputFromAJsonFile() throws IOException {
        String proof = MerkleProofs.consistencyProof(3, 5, tree).stream().map(h -> "\"" + Hex.hex(h) + "\"")
                .collect(Collectors.joining(","));
        Path json = Files.writeString(dir.resolve("check.json"), """
                {"check": "consistency", "oldSize": 3, "newSize": 5, "oldRoot": "%s", "newRoot": "%s",
                 "proof": [%s]}""".formatted(Hex.hex(tree.root(3)), Hex.hex(tree.root(5)), proof));
        assertThat(run("json", json.toString())).isEqualTo(0);
    }

    @Test
    void reportsUsageErrorsWithStatusTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("audit")).isEqualTo(2);
        assertThat(run("inclusion", "--index", "2")).isEqualTo(2);
        assertThat(run("inclusion", "--index", "x", "--size", "5", "--root", Hex.hex(tree.root()), "--proof", "",
                "--leaf-hash", Hex.hex(tree.root()))).isEqualTo(2);
        assertThat(run("consistency", "--old-size", "1", "--new-size", "5", "--old-root", "nothex",
                "--new-root", Hex.hex(tree.root()), "--proof", "")).isEqualTo(2);
        assertThat(run("checkpoint", "--note", dir.resolve("missing").toString(), "--vkey", "a+b+c")).isEqualTo(2);
        assertThat(run("json", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("usage:");
    }

    private int run(String... args) {
        return StandaloneVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String joined(List<byte[]> hashes) {
        return String.join(",", Hex.hex(hashes));
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
