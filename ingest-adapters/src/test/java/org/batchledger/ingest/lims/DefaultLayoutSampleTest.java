package org.batchledger.ingest.lims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.ingest.LabFixtures.Collected;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-INGEST-250, REQ-INGEST-251: the default-layout sample file: the instrument column goes to instrument, the method
 * stays the method, a qualified cell keeps its number, qualifier and text apart.
 */
@Tag("REQ-INGEST-250")
@Tag("REQ-INGEST-251")
class DefaultLayoutSampleTest {
    private final LimsCsvAdapter adapter = new LimsCsvAdapter();

    @Test
    void theSampleFileSeparatesMethodInstrumentValueQualifierAndRawValue() {
        Collected out = LabFixtures.parse(adapter, LabFixtures.document("lims", "default-layout.csv"), null);
        List<TestResult> rs = out.of(TestResult.class);
        assertThat(rs).extracting(TestResult::test, TestResult::method, TestResult::instrument).containsExactly(
                tuple("Assay", "HPLC-12", "HPLC-3"),
                tuple("Impurity A", "HPLC-12", "HPLC-3"),
                tuple("Appearance, visual", "SOP-4\nrev 2", null),
                tuple("pH", null, "pH-2"));
        assertThat(rs).extracting(TestResult::value, TestResult::qualifier, TestResult::rawValue).containsExactly(
                tuple("99.2", null, "99.2"),
                tuple("0.05", "<", "<0.05"),
                tuple(null, null, "conforms"),
                tuple("7.9", null, "7.9"));
        // <0.05 under an upper limit of 0.10 with no lower limit cannot be out of specification
        assertThat(rs).extracting(TestResult::outcome).containsExactly(TestOutcome.PASS, TestOutcome.PASS,
                TestOutcome.PASS, TestOutcome.OOS);
        assertThat(out.warnings()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("CSV-NUMBER");
            assertThat(w.locator()).isEqualTo("line 4");
        });
    }
}
