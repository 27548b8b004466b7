package org.batchledger.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * REQ-RECORD-003: the direct read path rebuilds exactly what the JSON-B path rebuilds, for every record type, and
 * leaves whatever is not in its stored form (and every error) to JSON-B.
 */
@Tag("REQ-RECORD-003")
class RecordDecoderTest {

    @ParameterizedTest
    @MethodSource("org.batchledger.schema.json.CanonicalJsonTest#everyRecordType")
    void theDirectPathEqualsTheJsonBindingForEveryRecordType(LedgerRecord record) {
        Map<String, Object> props = RecordProperties.of(record);
        props.put("ledgerSeq", 42L); // bookkeeping the graph adds: ignored by both
        LedgerRecord direct = RecordDecoder.decode(props, record.getClass());
        assertThat(direct).isNotNull().isEqualTo(RecordProperties.viaJsonBinding(props, record.getClass()))
                .isEqualTo(record);
        assertThat(CanonicalJson.contentHash(direct)).isEqualTo(CanonicalJson.contentHash(record));
    }

    @ParameterizedTest
    @MethodSource("org.batchledger.schema.json.CanonicalJsonTest#everyRecordType")
    void absentOptionalFieldsStayAbsent(LedgerRecord record) {
        Map<String, Object> props = RecordProperties.of(record);
        props.remove("locator");
        LedgerRecord direct = RecordDecoder.decode(props, record.getClass());
        assertThat(direct).isEqualTo(RecordProperties.viaJsonBinding(props, record.getClass()));
        assertThat(direct.provenance().locator()).isNull();
    }

    @Test
    void aValueNotInItsStoredFormIsLeftToTheJsonBinding() {
        Map<String, Object> props = new HashMap<>(RecordProperties.of(lot()));
        props.put("status", "NOT_A_STATUS");
        assertThat(RecordDecoder.decode(props, Lot.class)).isNull();
        assertThatThrownBy(() -> RecordProperties.toRecord(props, Lot.class))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("NOT_A_STATUS");
    }

    @Test
    void aMissingPrimitiveOrRequiredValueIsLeftToTheJsonBinding() {
        Map<String, Object> props = new HashMap<>(RecordProperties.of(lot()));
        props.remove("source"); // the provenance requires it
        assertThat(RecordDecoder.decode(props, Lot.class)).isNull();
        Map<String, Object> wrongType = new HashMap<>(RecordProperties.of(lot()));
        wrongType.put("quantity", "many");
        assertThat(RecordDecoder.decode(wrongType, Lot.class)).isNull();
    }

    @Test
    void numbersStoredAsWholeNumbersStillReadAsDoubles() {
        TestResult r = (TestResult) CanonicalJsonTest.everyRecordType()
                .filter(x -> x.type() == RecordType.TEST_RESULT).findFirst().orElseThrow();
        Map<String, Object> props = RecordProperties.of(r);
        props.put("lowerLimit", 95L);
        assertThat(RecordDecoder.decode(props, TestResult.class).lowerLimit()).isEqualTo(95.0);
    }

    private static Lot lot() {
        return (Lot) CanonicalJsonTest.everyRecordType().filter(x -> x.type() == RecordType.LOT).findFirst()
                .orElseThrow();
    }
}
