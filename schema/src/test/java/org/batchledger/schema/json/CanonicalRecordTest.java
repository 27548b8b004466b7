package org.batchledger.schema.json;

import org.batchledger.verifier.proof.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.StepRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The direct record encoder gives, byte for byte and value for value, what JSON-B + RFC 8785 and the JSON-P
 * re-parse gave: the canonical bytes, the content hash and the stored property map with each value's Java type.
 */
@Tag("REQ-RECORD-002")
@Tag("REQ-RECORD-004")
class CanonicalRecordTest {
    private static final Provenance P = new Provenance("mes:a", null, "op", Instant.EPOCH, Instant.EPOCH);

    @ParameterizedTest
    @MethodSource("org.batchledger.schema.json.CanonicalJsonTest#everyRecordType")
    void everyRecordTypeEncodesAsJsonBindingThenRfc8785(LedgerRecord record) {
        assertSameAsOracle(record, "");
    }

    @Test
    void randomRecordsOfEveryTypeEncodeAsJsonBindingThenRfc8785AndStoreTheSameValues() {
        RandomRecords records = new RandomRecords(8785);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsOracle(records.next(), "record " + i);
        }
    }

    @Test
    void doublesKeepTheStoredTypeTheJsonPathGaveThemIncludingIntegralENotationAsLong() {
        for (double d : new double[] {500.0, -0.0, 1e7, 1.2345678E7, 9.007199254740992E15, 1e20, 1e-7, 123456789.1}) {
            Lot lot = new Lot("k", "m", Lot.LotStatus.IN_STOCK, d, "kg", null, null, null, P);
            assertThat(CanonicalRecord.of(lot).properties().get("quantity")).as("%s", d)
                    .isEqualTo(JsonBindingOracle.properties(lot).get("quantity"));
        }
        Lot lot = new Lot("k", "m", Lot.LotStatus.IN_STOCK, 1.2345678E7, "kg", null, null, null, P);
        assertThat(CanonicalRecord.of(lot).properties().get("quantity")).isEqualTo(12_345_678L);
    }

    @Test
    void numbersJsonCannotHoldAreRefusedAsJsonBindingRefusedThem() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            StepRecord step = new StepRecord("k", "b", "s", "p", "v", "u", d, null, null, null, P);
            assertThatThrownBy(() -> JsonBindingOracle.canonicalBytes(step)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> CanonicalRecord.of(step)).as("%s", d).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lowerLimit");
        }
    }

    @Test
    void aLoneSurrogateIsRefusedNamingItsFieldInsteadOfHashingAsAQuestionMark() {
        Lot lone = new Lot("k", "m", Lot.LotStatus.IN_STOCK, 1.0, "kg", "Meggle\ud800", null, null, P);
        Lot questionMark = new Lot("k", "m", Lot.LotStatus.IN_STOCK, 1.0, "kg", "Meggle?", null, null, P);

        assertThat(JsonBindingOracle.contentHash(lone)).as("the old path made both one hash")
                .isEqualTo(JsonBindingOracle.contentHash(questionMark));
        assertThatThrownBy(() -> CanonicalRecord.of(lone)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("supplier").hasMessageContaining("lone surrogate")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("supplier");
    }

    @Test
    void theContentHashAndPropertiesAreThoseOfTheOnePathThatRemains() {
        Lot lot = new Lot("k", "m", Lot.LotStatus.IN_STOCK, 2.5, "kg", "S", null, Instant.EPOCH, P);
        CanonicalRecord canonical = CanonicalRecord.of(lot);
        assertThat(CanonicalJson.contentHash(lot)).isEqualTo(canonical.contentHash())
                .isEqualTo(Sha256.hex(canonical.bytes()));
        assertThat(CanonicalJson.canonicalBytes(lot)).isEqualTo(canonical.bytes());
        assertThat(RecordProperties.of(lot)).isEqualTo(canonical.properties());
        assertThat(RecordProperties.toRecord(canonical.properties(), Lot.class)).isEqualTo(lot);
    }

    static void assertSameAsOracle(LedgerRecord record, String what) {
        byte[] expected;
        try {
            expected = JsonBindingOracle.canonicalBytes(record);
        } catch (RuntimeException e) {
            assertThatThrownBy(() -> CanonicalRecord.of(record)).as("%s %s", what, record).isNotNull();
            return;
        }
        CanonicalRecord canonical = CanonicalRecord.of(record);
        assertThat(new String(canonical.bytes(), StandardCharsets.UTF_8)).as("%s %s", what, record)
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(canonical.bytes()).as("%s", what).isEqualTo(expected);
        assertThat(canonical.contentHash()).as("%s", what).isEqualTo(Sha256.hex(expected));
        Map<String, Object> oracle = JsonBindingOracle.properties(record);
        assertThat(canonical.properties()).as("%s %s", what, record).isEqualTo(oracle);
        canonical.properties().forEach((k, v) -> assertThat(v == null ? null : v.getClass())
                .as("%s type of %s", what, k).isEqualTo(oracle.get(k) == null ? null : oracle.get(k).getClass()));
        canonical.properties().values().stream().filter(List.class::isInstance).map(List.class::cast)
                .forEach(list -> assertThat(list).isEqualTo(oracle.values().stream().filter(list::equals).findFirst()
                        .orElseThrow()));
    }
}
