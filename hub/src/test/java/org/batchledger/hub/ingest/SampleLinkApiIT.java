package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Through the API: a result naming only sample SAMPLE-9 is listed for review until lot SAMPLE-9 arrives in a later
 * file; then it is linked (its subject is the lot), no longer listed, and the ledger verifies.
 */
@Tag("REQ-INGEST-013")
@Tag("REQ-INGEST-011")
class SampleLinkApiIT extends IngestTestBase {
    private static final String QUEUE = """
            { unlinkedResults { edges { node { key } } }
              testResults { edges { node { key sampleId subject { ... on Lot { key } } } } } }""";

    @Test
    void aResultNamingOnlyASampleIsLinkedWhenItsLotArrives() throws Exception {
        String results = TestLinesAdapter.MAGIC + "\nResult|TR-1|SAMPLE-9\n";
        String lot = TestLinesAdapter.MAGIC + "\nMaterial|CRBN0001|Carbon black N330\nLot|SAMPLE-9|CRBN0001\n";

        assertThat(post("r.txt", results, Map.of()).status()).isEqualTo(200);
        assertThat(data(QUEUE).getJsonObject("unlinkedResults").getJsonArray("edges")).hasSize(1);

        assertThat(post("lot.txt", lot, Map.of()).status()).isEqualTo(200);

        JsonObject after = data(QUEUE);
        assertThat(after.getJsonObject("unlinkedResults").getJsonArray("edges")).isEmpty();
        JsonObject result = after.getJsonObject("testResults").getJsonArray("edges").getJsonObject(0)
                .getJsonObject("node");
        assertThat(result.getString("sampleId")).isEqualTo("SAMPLE-9");
        assertThat(result.getJsonObject("subject").getString("key")).isEqualTo("site:SAMPLE-9");
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }
}
