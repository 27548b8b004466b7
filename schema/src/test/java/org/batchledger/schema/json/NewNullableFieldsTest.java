package org.batchledger.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-INGEST-132: Lot.parentLotKey and Batch.plannedStart/plannedEnd are nullable and left out of the canonical form
 * when null, so an entry written before they existed decodes to the same record with the same content hash. The
 * canonical texts and hashes below were produced by the schema module before the fields were added.
 */
@Tag("REQ-INGEST-132")
class NewNullableFieldsTest {
    private static final String PROVENANCE = "\"provenance\":{\"eventAt\":\"2026-03-09T08:31:00.000Z\","
            + "\"locator\":\"/SyncMaterialInformation/DataArea[1]/MaterialInformation[1]/MaterialLot[1]\","
            + "\"recordedAt\":\"2026-03-09T08:30:00.000Z\",\"recordedBy\":\"adapter-b2mml\","
            + "\"source\":\"file:sha256:" + "ab".repeat(32) + "\"}";
    private static final String OLD_LOT = "{\"key\":\"plant-a:LOT-PCM-0412\",\"materialKey\":\"plant-a:PARACETAMOL\","
            + PROVENANCE + ",\"quantity\":100,\"status\":\"RELEASED\",\"supplierLot\":\"SK-24-1187\",\"unit\":\"kg\"}";
    private static final String OLD_LOT_HASH = "78d1172d96c577ab1966c212695317b9fd5d4d9d78618c15e65c4f8ff4536a51";
    private static final String OLD_BATCH = "{\"endedAt\":\"2026-03-09T10:30:00.000Z\",\"key\":\"plant-a:B2603-21\","
            + "\"masterRecord\":\"MBR-PCM500-v2\",\"productKey\":\"plant-a:PCM500-GRAN\"," + PROVENANCE
            + ",\"stage\":\"GRANULATION\",\"startedAt\":\"2026-03-09T09:30:00.000Z\",\"status\":\"COMPLETED\"}";
    private static final String OLD_BATCH_HASH = "35e03d0cf8a087d45ed06f3938285ea67a1d900c33d0a2643cd2c4f091ba603e";

    @Test
    void aLotEntryWrittenBeforeSubLotsDecodesWithoutParentAndKeepsItsHash() {
        Lot lot = CanonicalJson.fromJson(OLD_LOT, Lot.class);

        assertThat(lot.parentLotKey()).isNull();
        assertThat(lot.supplierLot()).isEqualTo("SK-24-1187");
        assertThat(new String(CanonicalJson.canonicalBytes(lot), StandardCharsets.UTF_8)).isEqualTo(OLD_LOT);
        assertThat(CanonicalJson.contentHash(lot)).isEqualTo(OLD_LOT_HASH);
        Map<String, Object> stored = RecordProperties.of(lot);
        assertThat(stored).doesNotContainKey("parentLotKey");
        assertThat(RecordDecoder.decode(stored, Lot.class)).isEqualTo(lot);
    }

    @Test
    void aBatchEntryWrittenBeforePlannedTimesDecodesWithoutThemAndKeepsItsHash() {
        Batch batch = CanonicalJson.fromJson(OLD_BATCH, Batch.class);

        assertThat(batch.plannedStart()).isNull();
        assertThat(batch.plannedEnd()).isNull();
        assertThat(batch.startedAt()).isEqualTo(Instant.parse("2026-03-09T09:30:00Z"));
        assertThat(new String(CanonicalJson.canonicalBytes(batch), StandardCharsets.UTF_8)).isEqualTo(OLD_BATCH);
        assertThat(CanonicalJson.contentHash(batch)).isEqualTo(OLD_BATCH_HASH);
        Map<String, Object> stored = RecordProperties.of(batch);
        assertThat(stored).doesNotContainKeys("plannedStart", "plannedEnd");
        assertThat(RecordDecoder.decode(stored, Batch.class)).isEqualTo(batch);
    }

    @Test
    void theOldConstructorsGiveTheRecordWithTheNewFieldsNull() {
        Lot old = CanonicalJson.fromJson(OLD_LOT, Lot.class);
        assertThat(new Lot(old.key(), old.materialKey(), old.status(), old.quantity(), old.unit(), old.supplier(),
                old.supplierLot(), old.expiresAt(), old.provenance())).isEqualTo(old);
    }

    @Test
    void aSubLotAndAPlannedBatchCarryTheNewFieldsThroughBothReadPaths() {
        Provenance p = CanonicalJson.fromJson(OLD_LOT, Lot.class).provenance();
        Lot sub = new Lot("plant-a:LOT-PCM-0412-D1", "plant-a:PARACETAMOL", Lot.LotStatus.RELEASED, 50.0, "kg", null,
                null, null, "plant-a:LOT-PCM-0412", p);
        Batch planned = new Batch("plant-a:B2603-22", "plant-a:PCM500-GRAN", null, Batch.BatchStatus.PLANNED, null,
                null, null, Instant.parse("2026-03-16T05:00:00.123456Z"), Instant.parse("2026-03-16T17:30:00Z"), p);

        assertThat(CanonicalJson.toJson(sub)).contains("\"parentLotKey\":\"plant-a:LOT-PCM-0412\"");
        assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(sub), Lot.class)).isEqualTo(sub);
        assertThat(RecordDecoder.decode(RecordProperties.of(sub), Lot.class)).isEqualTo(sub);
        assertThat(planned.plannedStart()).isEqualTo(Instant.parse("2026-03-16T05:00:00.123Z"));
        assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(planned), Batch.class)).isEqualTo(planned);
        assertThat(RecordDecoder.decode(RecordProperties.of(planned), Batch.class)).isEqualTo(planned);
        assertThat(sub.withStatus(Lot.LotStatus.REJECTED).parentLotKey()).isEqualTo("plant-a:LOT-PCM-0412");
        assertThat(planned.withStatus(Batch.BatchStatus.IN_PROCESS).plannedEnd()).isEqualTo(planned.plannedEnd());
    }
}
