package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.CONTEMPORANEOUS;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/** Contemporaneous: recorded when it happened, never dated after its own capture. */
final class ContemporaneousRules {
    static final String WINDOW = "window";
    static final String TOLERANCE = "tolerance";

    private ContemporaneousRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                new RuleDefinition("ALCOA-C-001", CONTEMPORANEOUS, "Recorded promptly",
                        "A record entered in the hub or sent by a system was captured (recordedAt) within the "
                                + "window after the event (eventAt). Records ingested from files are not judged: "
                                + "their capture in the source system is not known, only when the hub received them.",
                        Map.of(WINDOW, "PT24H"), ContemporaneousRules::prompt),
                new RuleDefinition("ALCOA-C-002", CONTEMPORANEOUS, "Not dated after its capture",
                        "No time a record states (event, execution, test, signature) is later than when it was "
                                + "captured, beyond the clock tolerance: such a record was back-dated or its times "
                                + "are wrong.", Map.of(TOLERANCE, "PT5M"), ContemporaneousRules::notAfterCapture));
    }

    private static void prompt(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        Duration window = rule.duration(WINDOW);
        records.items().stream().filter(i -> i.record() != null && i.fileKey() == null).forEach(i -> {
            var p = i.record().provenance();
            Duration delay = Duration.between(p.eventAt(), p.recordedAt());
            sink.expect(i, delay.compareTo(window) <= 0, () -> "was recorded " + human(delay) + " after the event ("
                    + p.eventAt() + " → " + p.recordedAt() + "), beyond the window of " + human(window));
        });
    }

    private static void notAfterCapture(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        Duration tolerance = rule.duration(TOLERANCE);
        records.items().stream().filter(i -> i.record() != null).forEach(i -> {
            Instant captured = i.record().provenance().recordedAt();
            Map.Entry<String, Instant> late = statedTimes(i.record()).entrySet().stream()
                    .filter(t -> t.getValue() != null && t.getValue().isAfter(captured.plus(tolerance)))
                    .findFirst().orElse(null);
            sink.expect(i, late == null, () -> late == null ? "" : "states " + late.getKey() + " " + late.getValue()
                    + ", after it was recorded at " + captured);
        });
    }

    private static Map<String, Instant> statedTimes(LedgerRecord record) {
        Map<String, Instant> times = new LinkedHashMap<>();
        times.put("event time", record.provenance().eventAt());
        switch (record) {
            case StepRecord s -> times.put("execution time", s.executedAt());
            case TestResult t -> times.put("test time", t.testedAt());
            case Signature s -> times.put("signing time", s.signedAt());
            default -> { }
        }
        return times;
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 120 ? (minutes / 60) + " h" : minutes >= 1 ? minutes + " min" : d.toSeconds() + " s";
    }
}
