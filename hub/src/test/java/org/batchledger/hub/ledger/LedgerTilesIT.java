package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger served in the C2SP tlog-tiles layout over real HTTP, checked by a tiny tlog-tiles client written here
 * from the specifications alone (path encoding, entry bundles, RFC 9162 hashing and inclusion proofs, the signed
 * note): it shares no code with the hub's proof or ledger classes.
 */
@Tag("REQ-LEDGER-014")
@Tag("REQ-LEDGER-004")
@Tag("REQ-SECURITY-005")
class LedgerTilesIT extends HubTestBase {
    private static final int WRITES = 40;
    private static final int ENTRIES = WRITES * 7;

    @BeforeAll
    static void ledgerAcrossOneFullTile() {
        cleanLedger();
        for (int i = 0; i < WRITES; i++) {
            NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-" + i), SmallPlant.OPERATOR, "batch record"));
        }
    }

    @Test
    void theSignedRootAndAnInclusionProofVerifyFromTheServedTilesAlone() throws Exception {
        String vkey = graphql().post(inspector(), "{ ledgerCheckpoint { publicKey } }").body().getJsonObject("data")
                .getJsonObject("ledgerCheckpoint").getString("publicKey");
        Client client = new Client("http://127.0.0.1:" + port + "/ledger", inspector());

        Client.Checkpoint checkpoint = client.checkpoint(vkey);
        assertThat(checkpoint.size()).isEqualTo(ENTRIES);
        List<byte[]> leaves = client.leaves(checkpoint.size());
        assertThat(Client.root(leaves)).isEqualTo(checkpoint.root());
        assertThat(client.level1(0, 0)).as("level-1 hash = root of the first 256 leaves")
                .isEqualTo(Client.root(leaves.subList(0, 256)));
        for (int index : new int[] {0, 100, 255, 256, ENTRIES - 1}) {
            List<byte[]> proof = Client.inclusionProof(index, leaves);
            assertThat(Client.verifyInclusion(index, checkpoint.size(), leaves.get(index), proof, checkpoint.root()))
                    .as("entry %d", index).isTrue();
            assertThat(Client.verifyInclusion(index, checkpoint.size(), leaves.get((index + 1) % ENTRIES), proof,
                    checkpoint.root())).as("another leaf at %d", index).isFalse();
        }
    }

    @Test
    void fullTilesAreImmutablePartialOnesShortLivedAndTheCheckpointIsNeverStored() throws Exception {
        Client client = new Client("http://127.0.0.1:" + port + "/ledger", inspector());

        HttpResponse<byte[]> full = client.get("/tile/0/000");
        HttpResponse<byte[]> partial = client.get("/tile/0/001.p/" + (ENTRIES - 256));
        HttpResponse<byte[]> checkpoint = client.get("/checkpoint");

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).hasSize(256 * 32);
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).hasSize((ENTRIES - 256) * 32);
        assertThat(partial.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("immutable");
        assertThat(checkpoint.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(checkpoint.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aSmallerPartialWidthIsTheStoredPrefixAndWhatIsNotThereIsNotFound() throws Exception {
        Client client = new Client("http://127.0.0.1:" + port + "/ledger", inspector());
        byte[] whole = client.get("/tile/0/001.p/" + (ENTRIES - 256)).body();

        assertThat(client.get("/tile/0/001.p/3").body()).isEqualTo(Arrays.copyOf(whole, 96));
        assertThat(Client.entries(client.get("/tile/entries/001.p/2").body())).hasSize(2);
        assertThat(client.get("/tile/0/001").statusCode()).as("not full yet").isEqualTo(404);
        assertThat(client.get("/tile/0/001.p/" + (ENTRIES - 255)).statusCode()).isEqualTo(404);
        assertThat(client.get("/tile/0/002.p/1").statusCode()).isEqualTo(404);
        assertThat(client.get("/tile/entries/x001/000").statusCode()).isEqualTo(404);
        assertThat(client.get("/tile/5/000.p/1").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedPathsAreBadRequestsNamingTheProblem() throws Exception {
        Client client = new Client("http://127.0.0.1:" + port + "/ledger", inspector());
        for (String path : List.of("/tile/0/1", "/tile/0/0001", "/tile/0/001/002", "/tile/a/000", "/tile/0/000.p/0",
                "/tile/0/000.p/256", "/tile/entries/000.p/", "/tile/64/000", "/tile/0")) {
            HttpResponse<byte[]> response = client.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(path)
                    .contains("\"error\":\"malformed tile path\"").contains("\"detail\":");
        }
    }

    @Test
    void onlyInspectorsAndAdminsReadTheTiles() throws Exception {
        String base = "http://127.0.0.1:" + port + "/ledger";

        assertThat(new Client(base, null).get("/checkpoint").statusCode()).isEqualTo(401);
        assertThat(new Client(base, TOKENS.forUser("op", "operator")).get("/tile/0/000").statusCode()).isEqualTo(403);
        assertThat(new Client(base, TOKENS.forUser("ad", "admin")).get("/tile/0/000").statusCode()).isEqualTo(200);
    }

    /** A minimal tlog-tiles client: paths, entry bundles, SHA-256 leaf and node hashes, RFC 9162 proofs. */
    static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String token;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        record Checkpoint(String origin, long size, byte[] root) {
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        byte[] fetch(String path) throws Exception {
            HttpResponse<byte[]> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode());
            }
            return response.body();
        }

        /** The checkpoint note, its Ed25519 signature checked with the verifier key {@code name+id+base64}. */
        Checkpoint checkpoint(String vkey) throws Exception {
            String note = new String(fetch("/checkpoint"), StandardCharsets.UTF_8);
            String[] key = vkey.split("\\+", 3);
            byte[] keyBytes = Base64.getDecoder().decode(key[2]);
            int split = note.indexOf("\n\n");
            String body = note.substring(0, split + 1);
            boolean signed = false;
            for (String line : note.substring(split + 2).split("\n")) {
                if (line.startsWith("\u2014 " + key[0] + " ")) {
                    byte[] sig = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
                    signed |= Arrays.equals(sig, 0, 4, HexFormat.of().parseHex(key[1]), 0, 4)
                            && ed25519(Arrays.copyOfRange(keyBytes, 1, 33), body.getBytes(StandardCharsets.UTF_8),
                            Arrays.copyOfRange(sig, 4, sig.length));
                }
            }
            if (!signed) {
                throw new IllegalStateException("checkpoint not signed by " + key[0]);
            }
            String[] lines = body.split("\n");
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        }

        /** Every leaf hash of the tree of {@code size}, each checked against its level-0 tile. */
        List<byte[]> leaves(long size) throws Exception {
            List<byte[]> leaves = new ArrayList<>();
            for (long n = 0; n * 256 < size; n++) {
                int width = (int) Math.min(256, size - n * 256);
                byte[] tile = fetch(path("/tile/0/", n, width));
                List<byte[]> entries = entries(fetch(path("/tile/entries/", n, width)));
                if (entries.size() != width || tile.length != 32 * width) {
                    throw new IllegalStateException("tile " + n + " has the wrong width");
                }
                for (int i = 0; i < width; i++) {
                    byte[] leaf = sha256(new byte[] {0}, entries.get(i));
                    if (!Arrays.equals(leaf, 0, 32, tile, 32 * i, 32 * i + 32)) {
                        throw new IllegalStateException("entry " + (n * 256 + i) + " differs from its tile hash");
                    }
                    leaves.add(leaf);
                }
            }
            return leaves;
        }

        byte[] level1(long n, int position) throws Exception {
            byte[] tile = fetch(path("/tile/1/", n, position + 1));
            return Arrays.copyOfRange(tile, 32 * position, 32 * position + 32);
        }

        static String path(String prefix, long n, int width) {
            String digits = String.format("%03d", n);
            while (digits.length() % 3 != 0) {
                digits = "0" + digits;
            }
            StringBuilder path = new StringBuilder(prefix);
            for (int i = 0; i < digits.length(); i += 3) {
                path.append(i + 3 < digits.length() ? "x" : "").append(digits, i, i + 3)
                        .append(i + 3 < digits.length() ? "/" : "");
            }
            return path + (width < 256 ? ".p/" + width : "");
        }

        static List<byte[]> entries(byte[] bundle) {
            List<byte[]> out = new ArrayList<>();
            for (int at = 0; at < bundle.length; ) {
                int length = (bundle[at] & 0xFF) << 8 | bundle[at + 1] & 0xFF;
                out.add(Arrays.copyOfRange(bundle, at + 2, at + 2 + length));
                at += 2 + length;
            }
            return out;
        }

        /** RFC 9162 §2.1.1 MTH. */
        static byte[] root(List<byte[]> leaves) {
            if (leaves.isEmpty()) {
                return sha256();
            }
            if (leaves.size() == 1) {
                return leaves.getFirst();
            }
            int k = Integer.highestOneBit(leaves.size() - 1);
            return sha256(new byte[] {1}, root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
        }

        /** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
        static List<byte[]> inclusionProof(int m, List<byte[]> leaves) {
            if (leaves.size() <= 1) {
                return new ArrayList<>();
            }
            int k = Integer.highestOneBit(leaves.size() - 1);
            List<byte[]> path;
            if (m < k) {
                path = inclusionProof(m, leaves.subList(0, k));
                path.add(root(leaves.subList(k, leaves.size())));
            } else {
                path = inclusionProof(m - k, leaves.subList(k, leaves.size()));
                path.add(root(leaves.subList(0, k)));
            }
            return path;
        }

        /** RFC 9162 §2.1.3.2 verification of an inclusion proof. */
        static boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {
            if (index >= size) {
                return false;
            }
            long fn = index;
            long sn = size - 1;
            byte[] r = leaf;
            for (byte[] p : proof) {
                if (sn == 0) {
                    return false;
                }
                if ((fn & 1) == 1 || fn == sn) {
                    r = sha256(new byte[] {1}, p, r);
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                } else {
                    r = sha256(new byte[] {1}, r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 && Arrays.equals(r, root);
        }

        static byte[] sha256(byte[]... parts) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (byte[] part : parts) {
                    digest.update(part);
                }
                return digest.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        static boolean ed25519(byte[] publicKey, byte[] message, byte[] signature) throws Exception {
            ByteArrayOutputStream der = new ByteArrayOutputStream();
            der.writeBytes(HexFormat.of().parseHex("302a300506032b6570032100"));
            der.writeBytes(publicKey);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der.toByteArray())));
            verifier.update(message);
            return verifier.verify(signature);
        }
    }
}
