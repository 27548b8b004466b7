package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.COMPLETE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.release.ProductSpecification;

/**
 * Complete: every step of the master recipe and every test of the specification is there; a finished batch closed;
 * every consumption says how much.
 */
final class CompleteRules {
    private static final Set<BatchStatus> FINISHED = EnumSet.of(BatchStatus.COMPLETED, BatchStatus.UNDER_REVIEW,
            BatchStatus.RELEASED, BatchStatus.REJECTED);

    private CompleteRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-CO-001", COMPLETE, "Every recipe step recorded",
                        "The batch's step records cover every step the product's specification lists. Not "
                                + "evaluated for a product without a specification.", CompleteRules::steps),
                RuleDefinition.of("ALCOA-CO-002", COMPLETE, "Every specified test present",
                        "Every test the product's specification lists has a result (not invalidated) on the batch "
                                + "or on a lot it produced. Not evaluated for a product without a specification.",
                        CompleteRules::tests),
                RuleDefinition.of("ALCOA-CO-003", COMPLETE, "Finished batch has its times",
                        "A batch that is completed, under review or dispositioned records when it started and "
                                + "ended.", (records, rule, sink) -> {
                            if (records.batch().record() instanceof Batch b && FINISHED.contains(b.status())) {
                                sink.expect(records.batch(), b.startedAt() != null && b.endedAt() != null,
                                        () -> "is " + b.status() + " but does not record when it "
                                                + (b.startedAt() == null ? "started" : "ended"));
                            }
                        }),
                RuleDefinition.of("ALCOA-CO-004", COMPLETE, "Every consumption states its quantity",
                        "Every lot the batch consumed records how much: a source that names the lot but no quantity "
                                + "leaves the genealogy edge without a quantity and the batch record incomplete.",
                        CompleteRules::quantities));
    }

    private static void quantities(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(Consumption.class).forEach(t -> sink.expect(t.item(), t.record().quantity() != null,
                () -> "records that lot " + t.record().lotKey() + " was consumed"
                        + (t.record().step() == null ? "" : " in step " + t.record().step())
                        + " but not how much (no quantity in the source)"));
    }

    private static void steps(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        List<String> required = records.specification().map(ProductSpecification::steps).orElse(List.of());
        if (required.isEmpty()) {
            return;
        }
        Set<String> recorded = records.records(StepRecord.class).stream().map(StepRecord::step)
                .collect(Collectors.toSet());
        List<String> missing = required.stream().filter(s -> !recorded.contains(s)).toList();
        sink.expect(records.batch(), missing.isEmpty(), () -> "has no step record of the recipe step(s) "
                + String.join(", ", missing) + " (specification " + version(records) + ")");
    }

    private static void tests(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        List<String> required = records.specification().map(ProductSpecification::tests).orElse(List.of());
        if (required.isEmpty()) {
            return;
        }
        Set<String> present = records.records(TestResult.class).stream()
                .filter(t -> t.outcome() != TestResult.TestOutcome.INVALIDATED).map(TestResult::test)
                .collect(Collectors.toSet());
        List<String> missing = required.stream().filter(t -> !present.contains(t)).toList();
        sink.expect(records.batch(), missing.isEmpty(), () -> "has no valid result of the specified test(s) "
                + String.join(", ", missing) + " on it or its lots (specification " + version(records) + ")");
    }

    private static String version(BatchRecords records) {
        return records.specification().map(s -> s.product() + " " + s.version()).orElse("");
    }
}
