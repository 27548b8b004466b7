package org.batchledger.ingest.b2mml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.Tag;

/**
 * Jazzer's coverage-guided fuzzing of the B2MML parser: only records with locators or InvalidSourceException. Under
 * {@code mvn test} it replays its seeds (the real samples and fixtures in {@code B2mmlJazzerFuzzTestInputs});
 * {@code mvn verify} fuzzes it for a bounded time (execution {@code fuzz-b2mml} of the module's pom).
 */
@Tag("REQ-INGEST-113")
class B2mmlJazzerFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void b2mmlGivesOnlyRecordsOrTypedErrors(byte[] input) throws IOException {
        JazzerTargets.parseOrRefuse(new B2mmlAdapter(), input);
    }
}
