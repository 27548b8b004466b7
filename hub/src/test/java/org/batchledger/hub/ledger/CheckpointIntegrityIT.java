package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.verify.Tampering;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-LEDGER-008, REQ-LEDGER-011, REQ-RELIABILITY-002 through the running hub: a database-only attacker rewrites
 * the ledger and deletes the stored
 * checkpoints; the hub refuses to sign the rewritten head (a typed GraphQL error naming both sizes and roots),
 * readiness goes OUT_OF_SERVICE with the same detail, and verification without a note reports it.
 */
@Tag("REQ-LEDGER-008")
@Tag("REQ-LEDGER-011")
@Tag("REQ-RELIABILITY-002")
class CheckpointIntegrityIT extends HubTestBase {
    private static final String CHECKPOINT = "{ ledgerCheckpoint { treeSize rootHash } }";
    private final HttpClient http = HttpClient.newHttpClient();
    private final Tampering attacker = new Tampering(NEO4J.db());
    @Autowired
    CheckpointHealthIndicator indicator;

    @BeforeEach
    void ledgerOfThreeWritesWithACheckpoint() {
        cleanLedger();
        for (int i = 1; i <= 3; i++) {
            write("-" + i);
        }
        assertThat(graphql().post(inspector(), CHECKPOINT).at("/data/ledgerCheckpoint/treeSize").toString())
                .isEqualTo("21");
    }

    @AfterEach
    void freshLedgerForTheNextClass() {
        cleanLedger();
    }

    @Test
    void consistentLedgerIsReadyAndSignsTheNewHead() throws Exception {
        write("-4");

        assertThat(graphql().post(inspector(), CHECKPOINT).at("/data/ledgerCheckpoint/treeSize").toString())
                .isEqualTo("28");
        HttpResponse<String> readiness = readiness();
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"ledgerCheckpoint\":{\"status\":\"UP\"");
        assertThat(indicator.health().getDetails()).containsEntry("keptSize", 28L).containsEntry("headSize", 28L);
    }

    @Test
    void rewrittenHistoryIsRefusedASignatureAndMakesTheHubNotReady() throws Exception {
        String keptRoot = graphql().post(inspector(), "{ ledgerCheckpoint { rootHash } }")
                .at("/data/ledgerCheckpoint/rootHash").toString().replace("\"", "");
        attacker.editEntryText(5, "\"reason\":\"", "\"reason\":\"nothing to see; ");
        attacker.rechain();
        attacker.run("MATCH (c:Checkpoint) DETACH DELETE c");
        write("-4");

        Response refused = graphql().post(inspector(), CHECKPOINT);

        assertThat(refused.errorClass()).isEqualTo("LEDGER_INCONSISTENT");
        assertThat(refused.body().getJsonArray("errors").getJsonObject(0).getString("message"))
                .startsWith("refusing to sign a checkpoint: the database head (size 28, root ")
                .contains("the last kept checkpoint (size 21, root " + keptRoot + ")").contains("inconsistent");
        assertThat(storedCheckpoints()).as("nothing signed").isZero();

        HttpResponse<String> readiness = readiness();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"ledgerCheckpoint\":{\"status\":\"OUT_OF_SERVICE\"");
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("keptSize", 21L).containsEntry("headSize", 28L);
        assertThat(health.getDetails().get("detail").toString())
                .contains("size 28", "size 21, root " + keptRoot, "are inconsistent");

        Response verified = graphql().post(inspector(), "{ verifyLedger { ok problems } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).isEqualTo("false");
        assertThat(verified.at("/data/verifyLedger/problems").toString())
                .contains("kept checkpoint 21 is missing from the database (deleted)")
                .contains("the ledger was rewritten");
    }

    private static void write(String suffix) {
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step(suffix), SmallPlant.OPERATOR, "batch record"));
    }

    private static long storedCheckpoints() {
        return NEO4J.db().read(tx -> tx.run("MATCH (c:Checkpoint) RETURN count(c) AS n", Map.of())
                .single().get("n").asLong());
    }

    private HttpResponse<String> readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
