package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.batchledger.schema.json.CanonicalRecord;
import org.batchledger.schema.json.JsonBindingOracle;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every record of a demo-size plant (all sixteen types, genealogy and references included) gets from the direct
 * encoder the canonical bytes, content hash and stored properties (values and their Java types) that JSON-B +
 * RFC 8785 and the JSON-P re-parse gave.
 */
@Tag("REQ-RECORD-001")
@Tag("REQ-RECORD-002")
class PlantRecordsEncodeAsJsonBindingDidTest {

    @Test
    void everyDemoPlantRecordEncodesByteForByteAsTheJsonBindingPath() {
        Map<RecordType, Integer> checked = new EnumMap<>(RecordType.class);
        SyntheticPlant.of(20261124L, PlantSize.DEMO).records().forEach(record -> {
            assertSame(record);
            checked.merge(record.type(), 1, Integer::sum);
        });
        assertThat(checked.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(5_000);
        assertThat(checked.keySet()).as("record types the plant made").hasSizeGreaterThanOrEqualTo(15);
    }

    private static void assertSame(LedgerRecord record) {
        CanonicalRecord canonical = CanonicalRecord.of(record);
        byte[] expected = JsonBindingOracle.canonicalBytes(record);
        assertThat(canonical.bytes()).as("%s", record).isEqualTo(expected);
        assertThat(canonical.contentHash()).isEqualTo(JsonBindingOracle.contentHash(record));
        Map<String, Object> oracle = JsonBindingOracle.properties(record);
        assertThat(canonical.properties()).as("%s", record).isEqualTo(oracle);
        oracle.forEach((k, v) -> assertThat(canonical.properties().get(k)).as("%s.%s", record.type(), k)
                .hasSameClassAs(v));
    }
}
