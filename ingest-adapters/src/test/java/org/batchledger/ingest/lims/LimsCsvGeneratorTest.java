package org.batchledger.ingest.lims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-INGEST-241")
class LimsCsvGeneratorTest {

    @Test
    void aGeneratedFileIngestsEveryRowWithOosLoqAndWordsAsTheAdapterReadsThem() throws Exception {
        StringWriter w = new StringWriter();
        LimsCsvGenerator.write(w, 4000, 42);
        LabFixtures.Collected out = LabFixtures.parse(new LimsCsvAdapter(), w.toString(), null);
        assertThat(out.of(TestResult.class)).hasSize(4000);
        assertThat(out.of(TestResult.class)).extracting(TestResult::outcome)
                .contains(TestOutcome.PASS, TestOutcome.OOS, TestOutcome.PENDING);
        assertThat(out.warningRules()).containsOnly("CSV-NUMBER").isNotEmpty();
    }

    @Test
    void theSameSeedWritesTheSameFile() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        LimsCsvGenerator.write(a, 200, 7);
        LimsCsvGenerator.write(b, 200, 7);
        assertThat(a.toString()).isEqualTo(b.toString());
    }
}
