package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.ACCURATE;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;

/** Accurate: values within their limits, outcomes that agree with the values, corrections that say why. */
final class AccurateRules {
    static final String MIN_REASON = "minReasonLength";

    private AccurateRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-AC-001", ACCURATE, "Step values within limits",
                        "A numeric step value lies within the limits the batch record gives for it.",
                        AccurateRules::stepLimits),
                RuleDefinition.of("ALCOA-AC-002", ACCURATE, "Test outcome agrees with its value",
                        "A test result marked PASS lies within its specification limits, and one marked OOS "
                                + "outside them; a qualified result (<0.05) is judged where its bound decides it.",
                        AccurateRules::outcome),
                new RuleDefinition("ALCOA-AC-003", ACCURATE, "Corrections say why",
                        "Every correction of a record was ledgered with a reason of at least the configured "
                                + "length: a reviewer must be able to tell why a value changed.",
                        Map.of(MIN_REASON, "10"), AccurateRules::reasons));
    }

    private static void stepLimits(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(StepRecord.class).forEach(t -> {
            StepRecord s = t.record();
            OptionalDouble v = Values.number(s.value());
            if (v.isEmpty() || (s.lowerLimit() == null && s.upperLimit() == null)) {
                return;
            }
            sink.expect(t.item(), Values.within(v.getAsDouble(), s.lowerLimit(), s.upperLimit()), () -> "step "
                    + s.step() + " / " + s.parameter() + " is " + s.value() + " " + nullToEmpty(s.unit())
                    + ", outside its limits " + Values.limits(s.lowerLimit(), s.upperLimit()));
        });
    }

    private static void outcome(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(TestResult.class).forEach(t -> {
            TestResult r = t.record();
            OptionalDouble v = Values.number(r.value());
            boolean judged = r.outcome() == TestOutcome.PASS || r.outcome() == TestOutcome.OOS;
            if (!judged || v.isEmpty() || (r.lowerLimit() == null && r.upperLimit() == null)) {
                return;
            }
            // a qualified value (<0.05) bounds the result: judged only where the bound decides it
            Boolean decided = r.qualifier() != null
                    ? Values.within(r.qualifier(), v.getAsDouble(), r.lowerLimit(), r.upperLimit())
                    : Boolean.valueOf(Values.within(v.getAsDouble(), r.lowerLimit(), r.upperLimit()));
            if (decided == null) {
                return;
            }
            boolean within = decided;
            sink.expect(t.item(), within == (r.outcome() == TestOutcome.PASS), () -> "test " + r.test() + " is marked "
                    + r.outcome() + " but its value " + r.reading() + " lies " + (within ? "within" : "outside")
                    + " its limits " + Values.limits(r.lowerLimit(), r.upperLimit()));
        });
    }

    private static void reasons(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        int min = rule.integer(MIN_REASON);
        for (Item item : records.items()) {
            for (Item.Version v : item.history()) {
                LedgerEntry e = records.entries().get(v.seq());
                if (v.version() <= 1 || e == null) {
                    continue;
                }
                String reason = e.reason() == null ? "" : e.reason().strip();
                sink.expect(item, reason.length() >= min, () -> "was corrected to version " + v.version() + " (entry "
                        + v.seq() + ") with the reason '" + reason + "', too short to say why");
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
