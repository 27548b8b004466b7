package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.Map;
import org.batchledger.ingest.Adapters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real sample order: the lot message (a lot of material CRBN0001) arrives before the material message. The lot
 * is kept with its reference open, and linked when the material arrives; the ledger verifies. Runs once the B2MML
 * adapter is on the class path (skipped before).
 */
@Tag("REQ-INGEST-010")
@Tag("REQ-INGEST-011")
class SampleOrderIT extends IngestTestBase {

    @Test
    void theLotMessageBeforeTheMaterialMessageIsLinkedWhenTheMaterialArrives() throws Exception {
        assumeTrue(Adapters.installed().all().stream().anyMatch(a -> a.name().equals("b2mml")),
                "the b2mml adapter is not on the class path yet");

        IngestClient.Answer lot = postBytes("LOT-20121210170718-0001L0001.xml", sample("LOT-20121210170718-0001L0001.xml"),
                Map.of());

        assertThat(lot.status()).as(lot.body()).isEqualTo(200);
        assertThat(lot.body()).contains("REFERENCE-PENDING").contains("CRBN0001");
        String query = "{ lots(first: 5) { edges { node { key materialKey material { key } } } } "
                + "unlinkedReferences { edges { node { from target } } } }";
        assertThat(data(query).getJsonObject("unlinkedReferences").getJsonArray("edges")).hasSize(1);

        IngestClient.Answer mat = postBytes("MAT-20121210170256-CRBN0001.xml", sample("MAT-20121210170256-CRBN0001.xml"),
                Map.of());

        assertThat(mat.status()).as(mat.body()).isEqualTo(200);
        JsonObject after = data(query);
        assertThat(after.getJsonObject("unlinkedReferences").getJsonArray("edges")).isEmpty();
        JsonObject node = after.getJsonObject("lots").getJsonArray("edges").getJsonObject(0).getJsonObject("node");
        assertThat(node.getJsonObject("material").getString("key")).isEqualTo(node.getString("materialKey"));
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    private static byte[] sample(String name) throws Exception {
        try (InputStream in = SampleOrderIT.class.getResourceAsStream("/ingest/b2mml/" + name)) {
            return in.readAllBytes();
        }
    }
}
