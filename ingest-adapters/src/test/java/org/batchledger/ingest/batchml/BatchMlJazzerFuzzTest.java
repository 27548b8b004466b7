package org.batchledger.ingest.batchml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.batchledger.ingest.b2mml.JazzerTargets;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer's coverage-guided fuzzing of the BatchML parser: only records with locators or InvalidSourceException.
 * {@code mvn test} replays the seeds in {@code BatchMlJazzerFuzzTestInputs}; {@code mvn verify} fuzzes for a bounded
 * time (execution {@code fuzz-batchml} of the module's pom).
 */
@Tag("REQ-INGEST-113")
class BatchMlJazzerFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void batchMlGivesOnlyRecordsOrTypedErrors(byte[] input) throws IOException {
        JazzerTargets.parseOrRefuse(new BatchMlAdapter(), input);
    }
}
