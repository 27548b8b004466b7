package org.batchledger.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Document;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SourceFile;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-RECORD-001, REQ-RECORD-002, REQ-RECORD-003, REQ-RECORD-005, canonical model: every record type round-trips
 * through JSON-B and the graph's property map.
 */
@Tag("REQ-RECORD-001")
@Tag("REQ-RECORD-002")
@Tag("REQ-RECORD-003")
@Tag("REQ-RECORD-005")
class CanonicalJsonTest {
    private static final Instant T = Instant.parse("2026-03-02T07:15:30.123456Z");
    private static final Provenance P = new Provenance("mes:plant-a", "/BatchProductionRecord[1]", "jdoe", T.plusSeconds(30), T);
    private static final RecordRef BATCH = new RecordRef(RecordType.BATCH, "mes:B-1");

    static Stream<LedgerRecord> everyRecordType() {
        return Stream.of(
                new Material("mes:MAT-1", "Microcrystalline cellulose", Material.MaterialKind.EXCIPIENT, "kg", P),
                new Lot("mes:L-1", "mes:MAT-1", Lot.LotStatus.QUARANTINE, 500.0, "kg", "JRS", "S-99", T.plusSeconds(86400), P),
                new Batch("mes:B-1", "mes:MAT-2", "COMPRESSION", Batch.BatchStatus.IN_PROCESS, "MBR-3", T, null, P),
                new Consumption("mes:C-1", "mes:L-1", "mes:B-1", 12.5, "kg", "charge", T, P),
                new Production("mes:P-1", "mes:B-1", "mes:L-2", 480.0, "kg", P),
                new Equipment("mes:EQ-1", "Tablet press 1", "TabletPress", "Room 101", P),
                new EquipmentUse("mes:U-1", "mes:B-1", "mes:EQ-1", "compress", T, T.plusSeconds(3600), P),
                new StepRecord("mes:S-1", "mes:B-1", "compress", "hardness", "82", "N", 60.0, 100.0, T, "jdoe", P),
                new TestResult("lims:T-1", BATCH, null, "assay", "HPLC-12", "99.1", "%", 95.0, 105.0,
                        TestResult.TestOutcome.PASS, T, "asmith", P),
                new TestResult("lims:T-2", BATCH, "S-2", "impurity A", "HPLC-12", "0.05", "%", null, 0.1,
                        TestResult.TestOutcome.PASS, T, "asmith", P, "HPLC-3", "<", "<0.05"),
                new Consumption("mes:C-2", "mes:L-1", "mes:B-1", null, null, "charge", T, P),
                new Deviation("qms:D-1", "Temperature excursion", Deviation.Severity.MAJOR,
                        Deviation.DeviationStatus.OPEN, List.of(BATCH, new RecordRef(RecordType.EQUIPMENT, "mes:EQ-1")), T, null, P),
                new ChangeControl("qms:CC-1", "New supplier", ChangeControl.ChangeStatus.APPROVED, List.of(BATCH), T, null, P),
                new Cleaning("mes:CL-1", "mes:EQ-1", "CIP", T, T.plusSeconds(259200), "jdoe", P),
                new Calibration("mes:CA-1", "mes:EQ-1", Calibration.CalibrationOutcome.PASS, T, T.plusSeconds(8640000), "tech", P),
                new Document("dms:DOC-1", "MBR tablets 10 mg", "MBR", "application/pdf", "ab".repeat(32), BATCH, P),
                new Signature("esig:1", BATCH, "cd".repeat(32), "sub-7", "Rita Reviewer",
                        Signature.SignatureMeaning.REVIEWED, "batch record review", T, null, P),
                new SourceFile("sha256:" + "ef".repeat(32), "batch.xml", "application/xml", 2048, "b2mml", P));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void everyRecordRoundTripsThroughJsonBinding(LedgerRecord record) {
        String json = CanonicalJson.toJson(record);
        assertThat(CanonicalJson.fromJson(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void everyRecordRoundTripsThroughTheGraphPropertyMapWithTheSameContentHash(LedgerRecord record) {
        Map<String, Object> props = RecordProperties.of(record);
        LedgerRecord back = RecordProperties.toRecord(props, record.type().javaType());
        assertThat(back).isEqualTo(record);
        assertThat(CanonicalJson.contentHash(back)).isEqualTo(CanonicalJson.contentHash(record));
        assertThat(props).containsKeys("source", "locator", "recordedBy", "recordedAt", "eventAt").doesNotContainKey("provenance");
    }

    @Test
    void timesAreKeptToTheMillisecondAsFixedWidthUtcTextThatSortsAsTimeDoes() {
        String json = CanonicalJson.toJson(P);
        assertThat(json).contains("\"eventAt\":\"2026-03-02T07:15:30.123Z\"");
        assertThat(CanonicalJson.formatInstant(Instant.parse("2026-03-02T07:15:30Z"))).isEqualTo("2026-03-02T07:15:30.000Z");
    }

    @Test
    void theDirectInstantTextEqualsTheFormatterForRandomInstantsAndRejectsWhatTheFormatterRejects() {
        java.util.Random random = new java.util.Random(24);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String text = CanonicalJson.INSTANT_FORMAT.format(t);
            assertThat(CanonicalJson.formatInstant(t)).isEqualTo(text);
            assertThat(CanonicalJson.parseInstant(text)).isEqualTo(t);
        }
        for (String bad : List.of("2026-02-30T00:00:00.000Z", "2026-01-01T24:00:00.000Z", "2026-01-01T00:00:00.00xZ",
                "2026-01-01 00:00:00.000Z", "2026-01-01T00:00:00Z")) {
            assertThatThrownBy(() -> CanonicalJson.parseInstant(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
    }

    @Test
    void canonicalBytesFollowRfc8785() {
        byte[] bytes = CanonicalJson.canonicalize("{\"b\": 1.0, \"a\": \"\\u00e9\", \"c\": [1e2, 0.5]}");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\",\"b\":1,\"c\":[100,0.5]}");
    }

    @Test
    void aChangedValueChangesTheContentHash() {
        Lot a = new Lot("mes:L-1", "mes:MAT-1", Lot.LotStatus.QUARANTINE, 500.0, "kg", null, null, null, P);
        Lot b = new Lot("mes:L-1", "mes:MAT-1", Lot.LotStatus.QUARANTINE, 500.5, "kg", null, null, null, P);
        assertThat(CanonicalJson.contentHash(a)).hasSize(64).isNotEqualTo(CanonicalJson.contentHash(b));
    }

    @Test
    void globalIdTextParsesBackIncludingKeysWithColons() {
        assertThat(RecordRef.parse("Lot:synthplant:LOT-000123")).isEqualTo(new RecordRef(RecordType.LOT, "synthplant:LOT-000123"));
        assertThatThrownBy(() -> RecordRef.parse("Nope:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordRef.parse("Lot:")).isInstanceOf(IllegalArgumentException.class);
    }
}
