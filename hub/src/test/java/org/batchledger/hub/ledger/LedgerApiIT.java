package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HexFormat;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ledger over GraphQL, as the acceptance check and an inspector use it. */
@Tag("REQ-LEDGER-013")
@Tag("REQ-LEDGER-015")
@Tag("REQ-API-002")
class LedgerApiIT extends HubTestBase {

    @BeforeEach
    void ledgerOfTwoWrites() {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-1"), SmallPlant.OPERATOR, "batch record"));
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-2"), SmallPlant.OPERATOR, "batch record"));
    }

    @Test
    void inspectorGetsASignedCheckpointThatVerifiesWithItsPublicKey() {
        JsonObject c = ok(graphql().post(inspector(),
                "{ ledgerCheckpoint { treeSize rootHash signature publicKey timestamp note origin } }"))
                .getJsonObject("ledgerCheckpoint");

        assertThat(c.getInt("treeSize")).isEqualTo(14);
        assertThat(c.getString("signature")).startsWith("— " + c.getString("origin") + " ");
        var checkpoint = NoteVerifier.of(c.getString("publicKey")).verifyCheckpoint(c.getString("note"));
        assertThat(checkpoint.ok()).as(checkpoint.reason()).isTrue();
        assertThat(HexFormat.of().formatHex(checkpoint.value().rootHash())).isEqualTo(c.getString("rootHash"));
    }

    @Test
    void inclusionProofOverGraphQlVerifiesAgainstTheCheckpointRoot() {
        String root = ok(graphql().post(inspector(), "{ ledgerCheckpoint { rootHash } }"))
                .getJsonObject("ledgerCheckpoint").getString("rootHash");
        JsonObject p = ok(graphql().post(inspector(),
                "{ inclusionProof(seq: 10, treeSize: 14) { leafIndex leafHash rootHash hashes } }"))
                .getJsonObject("inclusionProof");

        assertThat(p.getString("rootHash")).isEqualTo(root);
        assertThat(ProofVerifier.verifyInclusion(9, 14, hex(p.getString("leafHash")), hashes(p), hex(root)).ok())
                .isTrue();
    }

    @Test
    void consistencyProofOverGraphQlVerifies() {
        JsonObject p = ok(graphql().post(inspector(),
                "{ consistencyProof(from: 7, to: 14) { fromRoot toRoot hashes } }")).getJsonObject("consistencyProof");

        assertThat(ProofVerifier.verifyConsistency(7, 14, hex(p.getString("fromRoot")), hex(p.getString("toRoot")),
                hashes(p)).ok()).isTrue();
    }

    @Test
    void proofArgumentsOutsideTheLedgerAreBadRequestsNamingTheArgument() {
        assertBadRequest("{ inclusionProof(seq: 15) { rootHash } }", "'seq'");
        assertBadRequest("{ inclusionProof(seq: 1, treeSize: 99) { rootHash } }", "'treeSize'");
        assertBadRequest("{ inclusionProof(seq: -1) { rootHash } }", "'seq'");
        assertBadRequest("{ consistencyProof(from: 9, to: 3) { toRoot } }", "'from'");
        assertBadRequest("{ consistencyProof(from: 1, to: 15) { toRoot } }", "'to'");
    }

    @Test
    void verifyLedgerIsOkForAnUntouchedLedger() {
        JsonObject v = ok(graphql().post(inspector(),
                "{ verifyLedger { ok entriesChecked recordsChecked problems firstBadEntry } }"))
                .getJsonObject("verifyLedger");

        assertThat(v.getBoolean("ok")).as(v.toString()).isTrue();
        assertThat(v.getInt("entriesChecked")).isEqualTo(14);
        assertThat(v.getInt("recordsChecked")).isEqualTo(14);
    }

    @Test
    void auditTrailOfABatchShowsWhoWhenWhatAndWhy() {
        JsonObject trail = ok(graphql().post(inspector(), """
                { auditTrail(entity: "Batch:t:B-1", first: 10) { edges { node { __typename seq action entityKey
                  contentHash actor { subject name roles client } reason entryHash } } } }"""))
                .getJsonObject("auditTrail");

        JsonObject entry = trail.getJsonArray("edges").getJsonObject(0).getJsonObject("node");
        assertThat(entry.getString("__typename")).isEqualTo("LedgerEntry");
        assertThat(entry.getString("action")).isEqualTo("CREATE");
        assertThat(entry.getJsonObject("actor").getString("name")).isEqualTo("Olivia Operator");
        assertThat(entry.getString("reason")).isEqualTo("batch record");
    }

    @Test
    void ledgerEntriesArePagedBySequenceNumber() {
        JsonObject page = ok(graphql().post(inspector(),
                "{ ledgerEntries(from: 3, to: 9, first: 4) { edges { cursor node { seq } } pageInfo { hasNextPage endCursor } } }"))
                .getJsonObject("ledgerEntries");
        String next = page.getJsonObject("pageInfo").getString("endCursor");
        JsonObject rest = ok(graphql().post(inspector(),
                "{ ledgerEntries(from: 3, to: 9, first: 4, after: \"" + next + "\") { edges { node { seq } } } }"))
                .getJsonObject("ledgerEntries");

        assertThat(seqs(page)).containsExactly(3, 4, 5, 6);
        assertThat(page.getJsonObject("pageInfo").getBoolean("hasNextPage")).isTrue();
        assertThat(seqs(rest)).containsExactly(7, 8, 9);
    }

    private void assertBadRequest(String query, String argument) {
        Response r = graphql().post(inspector(), query);
        assertThat(r.errorClass()).as(query).isEqualTo("BAD_REQUEST");
        assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains(argument);
    }

    private static JsonObject ok(Response r) {
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data");
    }

    private static List<Integer> seqs(JsonObject connection) {
        return connection.getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node").getInt("seq")).toList();
    }

    private static List<byte[]> hashes(JsonObject proof) {
        return proof.getJsonArray("hashes").getValuesAs(JsonString.class).stream()
                .map(s -> hex(s.getString())).toList();
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
