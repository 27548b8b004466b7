package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code batchledger.ledger.public-tiles=true} the tlog-tiles need no token; GraphQL still does. */
@TestPropertySource(properties = "batchledger.ledger.public-tiles=true")
@Tag("REQ-SECURITY-005")
@Tag("REQ-LEDGER-014")
class PublicTilesIT extends HubTestBase {

    @Test
    void theCheckpointAndTilesAreReadWithoutAToken() throws Exception {
        cleanLedger();
        NEO4J.writer().write(WriteRequest.of(SmallPlant.step("-p"), SmallPlant.OPERATOR, "batch record"));
        HttpClient http = HttpClient.newHttpClient();

        assertThat(get(http, "/ledger/checkpoint").body()).contains("\n7\n");
        assertThat(get(http, "/ledger/tile/0/000.p/7").statusCode()).isEqualTo(200);
        assertThat(get(http, "/ledger/tile/entries/000.p/7").statusCode()).isEqualTo(200);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/graphql")).POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ledgerCheckpoint { treeSize } }\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
