package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import org.batchledger.ingest.Adapters;
import org.batchledger.ingest.ContentSample;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The real Courbon MES messages (V0401, UTF-8 BOM, Sync wrapper) ingest, with the mapping stated in the README. */
@Tag("REQ-INGEST-100")
@Tag("REQ-INGEST-104")
class RealSamplesTest {
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    @Test
    void theMaterialDefinitionBecomesAMaterialWithItsBaseUnit() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/MAT-20121210170256-CRBN0001.xml"), false);

        assertThat(run.records).hasSize(1);
        Material m = run.all(Material.class).getFirst();
        assertThat(m.key()).isEqualTo("plant-a:CRBN0001");
        assertThat(m.name()).isEqualTo("Product Courbon0001");
        assertThat(m.unit()).isEqualTo("KG");
        assertThat(m.kind()).isNull();
        assertThat(m.provenance().locator()).isEqualTo("/SyncMaterialDefinition/DataArea[1]/MaterialDefinition[1]");
        assertThat(m.provenance().eventAt()).isEqualTo(Instant.parse("2012-12-10T17:02:56Z"));
        assertThat(m.provenance().source()).isEqualTo("file:sha256:test");
        assertThat(run.rules()).contains("B2MML-KIND", "B2MML-NOT-MAPPED");
    }

    @Test
    @Tag("REQ-INGEST-114")
    @Tag("REQ-INGEST-115")
    void theLotOfAMaterialDefinedInAnotherFileKeepsItsMaterialKeyStatusAndExpiry() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/LOT-20121210170718-0001L0001.xml"), false);

        assertThat(run.records).hasSize(1);
        Lot lot = run.all(Lot.class).getFirst();
        assertThat(lot.key()).isEqualTo("plant-a:CRBN0001_LOT01");
        assertThat(lot.materialKey()).isEqualTo("plant-a:CRBN0001");
        assertThat(lot.status()).isEqualTo(Lot.LotStatus.RELEASED);
        assertThat(lot.quantity()).isNull();
        assertThat(lot.unit()).isNull();
        assertThat(lot.expiresAt()).isEqualTo(Instant.parse("2013-12-08T00:00:00Z"));
        assertThat(lot.provenance().locator())
                .isEqualTo("/SyncMaterialInformation/DataArea[1]/MaterialInformation[1]/MaterialLot[1]");
        assertThat(lot.provenance().eventAt()).isEqualTo(Instant.parse("2012-12-10T17:07:18Z"));
        assertThat(run.rules()).contains("STATUS-MAPPED", "B2MML-LOT-MATERIAL", "B2MML-LOT-QUANTITY");
    }

    @Test
    @Tag("REQ-INGEST-105")
    void bothSamplesAreRecognisedByContentNotByName() throws Exception {
        Adapters adapters = Adapters.installed();
        for (String f : new String[] {"MAT-20121210170256-CRBN0001.xml", "LOT-20121210170718-0001L0001.xml"}) {
            byte[] bytes = Files.readAllBytes(IngestRun.resource("b2mml/" + f));
            assertThat(adapters.choose(null, new ContentSample(bytes)).name()).isEqualTo("b2mml");
        }
    }
}
