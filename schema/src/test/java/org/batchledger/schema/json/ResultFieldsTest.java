package org.batchledger.schema.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-INGEST-253: TestResult's instrument, qualifier and rawValue and a consumption without quantity are nullable
 * components, so an entry written before them decodes and keeps its content hash.
 */
@Tag("REQ-INGEST-253")
class ResultFieldsTest {
    private static final Instant T = Instant.parse("2026-03-01T07:15:00Z");
    private static final Provenance P = new Provenance("file:sha256:ab", "line 3", "svc-lims", T.plusSeconds(60), T);
    /** A result exactly as the hub stored it before the new fields: its JSON text, keys in the old order. */
    private static final String OLD_RESULT = """
            {"key":"lims:S-1/Impurity A/2026-03-01T07:15:00Z","subject":"Lot:lims:LOT-7","sampleId":"S-1",\
            "test":"Impurity A","method":"HPLC-12 @ HPLC-3","value":"<0.05","unit":"%","upperLimit":0.1,\
            "outcome":"PASS","testedAt":"2026-03-01T07:15:00.000Z","analyst":"jdoe","provenance":{\
            "source":"file:sha256:ab","locator":"line 3","recordedBy":"svc-lims",\
            "recordedAt":"2026-03-01T07:16:00.000Z","eventAt":"2026-03-01T07:15:00.000Z"}}""";

    @Test
    void anOldResultWithoutTheNewFieldsDecodesAndKeepsItsContentHash() throws Exception {
        TestResult old = CanonicalJson.fromJson(OLD_RESULT, TestResult.class);
        assertThat(old.method()).isEqualTo("HPLC-12 @ HPLC-3");
        assertThat(old.value()).isEqualTo("<0.05");
        assertThat(old.instrument()).isNull();
        assertThat(old.qualifier()).isNull();
        assertThat(old.rawValue()).isNull();
        String stored = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CanonicalJson.canonicalize(OLD_RESULT)));
        assertThat(CanonicalJson.contentHash(old)).isEqualTo(stored);
        Map<String, Object> props = RecordProperties.of(old);
        assertThat(props).doesNotContainKeys("instrument", "qualifier", "rawValue");
        assertThat(RecordDecoder.decode(props, TestResult.class)).isEqualTo(old);
    }

    @Test
    void theNewFieldsRoundTripAndChangeTheContentHash() {
        TestResult full = new TestResult("lims:S-1/Impurity A", new RecordRef(RecordType.LOT, "lims:LOT-7"), "S-1",
                "Impurity A", "HPLC-12", "0.05", "%", null, 0.10, TestResult.TestOutcome.PASS, T, "jdoe", P,
                "HPLC-3", "<", "<0.05");
        TestResult without = new TestResult(full.key(), full.subject(), "S-1", "Impurity A", "HPLC-12", "0.05", "%",
                null, 0.10, TestResult.TestOutcome.PASS, T, "jdoe", P);
        assertThat(new String(CanonicalJson.canonicalBytes(full), StandardCharsets.UTF_8))
                .contains("\"instrument\":\"HPLC-3\"", "\"qualifier\":\"<\"", "\"rawValue\":\"<0.05\"");
        assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(full), TestResult.class)).isEqualTo(full);
        assertThat(CanonicalJson.toJson(full)).as("reading() is derived, never stored").doesNotContain("reading");
        assertThat(RecordDecoder.decode(RecordProperties.of(full), TestResult.class)).isEqualTo(full);
        assertThat(CanonicalJson.contentHash(full)).isNotEqualTo(CanonicalJson.contentHash(without));
        assertThat(full.reading()).isEqualTo("<0.05");
        assertThat(without.reading()).isEqualTo("0.05");
    }

    @Test
    void aConsumptionWithoutQuantityStoresNoQuantityAndAnOldOneDecodesUnchanged() {
        Consumption none = new Consumption("mes:C-1", "mes:L-1", "mes:B-1", null, null, "charge", T, P);
        Map<String, Object> props = RecordProperties.of(none);
        assertThat(props).doesNotContainKeys("quantity", "unit");
        assertThat(RecordDecoder.decode(props, Consumption.class)).isEqualTo(none);
        assertThat(CanonicalJson.fromJson(CanonicalJson.toJson(none), Consumption.class)).isEqualTo(none);

        String old = """
                {"key":"mes:C-1","lotKey":"mes:L-1","batchKey":"mes:B-1","quantity":12.5,"unit":"kg","step":"charge",\
                "at":"2026-03-01T07:15:00.000Z","provenance":{"source":"file:sha256:ab","locator":"line 3",\
                "recordedBy":"svc-lims","recordedAt":"2026-03-01T07:16:00.000Z","eventAt":"2026-03-01T07:15:00.000Z"}}""";
        Consumption read = CanonicalJson.fromJson(old, Consumption.class);
        assertThat(read.quantity()).isEqualTo(12.5);
        assertThat(CanonicalJson.canonicalBytes(read)).isEqualTo(CanonicalJson.canonicalize(old));
    }
}
