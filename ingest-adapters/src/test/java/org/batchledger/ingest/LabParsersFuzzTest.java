package org.batchledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.ingest.animl.AnimlAdapter;
import org.batchledger.ingest.asm.AsmAdapter;
import org.batchledger.ingest.canonical.CanonicalAdapter;
import org.batchledger.ingest.lims.LimsCsvAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A short bounded fuzz run per parser on every build ({@code -Dfuzz.iterations=N} for a longer one; the seed is
 * fixed, so a failure repeats).
 */
@Tag("REQ-INGEST-240")
class LabParsersFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);
    private static final long BUDGET_MILLIS = Long.getLong("fuzz.budget.ms", 20_000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261126L);

    private static void fuzz(IngestAdapter adapter, List<Path> seeds) {
        int ran = new MutationFuzzer(adapter, seeds, SEED).run(ITERATIONS, BUDGET_MILLIS);
        assertThat(ran).isPositive();
    }

    @Test
    void limsCsvOnlyEverAnswersRecordsOrAnInvalidSource() {
        List<Path> seeds = new ArrayList<>(MutationFuzzer.documents("lims"));
        seeds.addAll(MutationFuzzer.documents("asm").stream().filter(p -> p.toString().endsWith(".csv")).toList());
        fuzz(new LimsCsvAdapter(), seeds);
    }

    @Test
    void asmOnlyEverAnswersRecordsOrAnInvalidSource() {
        fuzz(new AsmAdapter(), MutationFuzzer.documents("asm").stream().filter(p -> p.toString().endsWith(".json")).toList());
    }

    @Test
    void animlOnlyEverAnswersRecordsOrAnInvalidSource() {
        fuzz(new AnimlAdapter(), MutationFuzzer.documents("animl"));
    }

    @Test
    void canonicalOnlyEverAnswersRecordsOrAnInvalidSource() {
        fuzz(new CanonicalAdapter(), MutationFuzzer.documents("canonical"));
    }
}
