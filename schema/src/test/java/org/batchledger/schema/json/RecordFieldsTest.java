package org.batchledger.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.json.RecordFields.Difference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Fields typed by their record components, and two versions compared as records. */
@Tag("REQ-RECORD-007")
class RecordFieldsTest {
    private static final Instant T = Instant.parse("2026-03-02T07:00:00Z");
    private static final Provenance P = new Provenance("mes:test", "l/1", "operator", T, T);

    @Test
    void textBecomesTheStoredValueOfTheFieldsType() {
        assertThat(RecordFields.storedValue(RecordType.LOT, "quantity", "117.5")).isEqualTo(117.5);
        assertThat(RecordFields.storedValue(RecordType.SOURCE_FILE, "sizeBytes", "42")).isEqualTo(42L);
        assertThat(RecordFields.storedValue(RecordType.LOT, "expiresAt", "2027-01-31T00:00:00Z"))
                .isEqualTo("2027-01-31T00:00:00.000Z");
        assertThat(RecordFields.storedValue(RecordType.BATCH, "status", "RELEASED")).isEqualTo("RELEASED");
        assertThat(RecordFields.storedValue(RecordType.LOT, "eventAt", "2026-03-02T07:00:01.5Z"))
                .as("a provenance field is typed by Provenance's component, not by its name")
                .isEqualTo("2026-03-02T07:00:01.500Z");
        assertThat(RecordFields.storedValue(RecordType.STEP_RECORD, "lowerLimit", null)).isNull();
    }

    @Test
    void textNotOfTheFieldsTypeIsRefusedNamingFieldAndType() {
        assertThatThrownBy(() -> RecordFields.storedValue(RecordType.LOT, "quantity", "lots"))
                .isInstanceOfSatisfying(RecordFields.BadValueException.class,
                        e -> assertThat(e.field()).isEqualTo("quantity"))
                .hasMessage("field quantity needs a number, got 'lots'");
        assertThatThrownBy(() -> RecordFields.storedValue(RecordType.BATCH, "status", "SHIPPED"))
                .hasMessageContaining("BatchStatus");
        assertThatThrownBy(() -> RecordFields.storedValue(RecordType.BATCH, "colour", "red"))
                .hasMessage("colour is not a field of Batch");
    }

    @Test
    void twoVersionsDifferInExactlyTheChangedFieldsInDeclarationOrder() {
        Lot before = new Lot("t:L", "t:M", Lot.LotStatus.IN_STOCK, 250.0, "kg", "Meggle", "S-1", null, P);
        Lot after = new Lot("t:L", "t:M", Lot.LotStatus.IN_STOCK, 117.5, "kg", "Meggle", "S-1",
                T.plusSeconds(86_400), new Provenance("mes:test", "l/1", "operator", T, T.plusSeconds(1)));

        assertThat(RecordFields.differences(before, after)).containsExactly(
                new Difference("quantity", "250.0", "117.5"),
                new Difference("expiresAt", null, "2026-03-03T07:00:00.000Z"),
                new Difference("eventAt", "2026-03-02T07:00:00.000Z", "2026-03-02T07:00:01.000Z"));
    }

    @Test
    void aNewRecordDiffersInEveryFieldItHolds() {
        Deviation d = new Deviation("t:D", "Alarm", Deviation.Severity.MAJOR, Deviation.DeviationStatus.OPEN,
                List.of(new RecordRef(RecordType.BATCH, "t:B")), T, null, P);

        assertThat(RecordFields.differences(null, d)).extracting(Difference::field).containsExactly("key", "title",
                "severity", "status", "impacts", "openedAt", "source", "locator", "recordedBy", "recordedAt",
                "eventAt");
        assertThat(RecordFields.differences(null, d)).contains(new Difference("impacts", null, "[Batch:t:B]"));
    }
}
