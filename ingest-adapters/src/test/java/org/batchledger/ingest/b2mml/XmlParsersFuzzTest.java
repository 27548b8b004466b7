package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.batchledger.ingest.batchml.BatchMlAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A short, bounded, seeded fuzz run of each XML parser over the real samples and fixtures: only records or
 * {@code InvalidSourceException} come out. Deterministic (fixed seed); longer runs with -Dfuzz.iterations.
 */
@Tag("REQ-INGEST-113")
class XmlParsersFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1500);

    private static Path docs(String dir) {
        return IngestRun.resource(dir);
    }

    @Test
    void b2mmlParserGivesOnlyRecordsOrTypedErrors() throws Exception {
        MutationFuzzer f = new MutationFuzzer(new B2mmlAdapter(),
                MutationFuzzer.xmlFiles(docs("b2mml"), docs("batchml")));
        int refused = f.run(SEED, ITERATIONS);
        assertThat(refused).as("most mutants are refused, some still read").isBetween(1, ITERATIONS - 1);
    }

    @Test
    void batchMlParserGivesOnlyRecordsOrTypedErrors() throws Exception {
        MutationFuzzer f = new MutationFuzzer(new BatchMlAdapter(),
                MutationFuzzer.xmlFiles(docs("batchml"), docs("b2mml")));
        int refused = f.run(SEED + 1, ITERATIONS);
        assertThat(refused).isBetween(1, ITERATIONS - 1);
    }
}
