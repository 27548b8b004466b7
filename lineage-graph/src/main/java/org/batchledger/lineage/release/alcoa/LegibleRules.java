package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.LEGIBLE;
import static org.batchledger.lineage.release.alcoa.Values.blank;

import java.util.List;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;

/** Legible: the record can be read back, and its values are structured rather than free text. */
final class LegibleRules {
    private LegibleRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-L-001", LEGIBLE, "Stored record readable",
                        "The stored version of the record forms a valid record of its type.", (records, rule, sink) ->
                                records.items().forEach(i -> sink.expect(i, i.record() != null,
                                        () -> "its stored properties do not form a valid " + i.ref().type().graphName()))),
                RuleDefinition.of("ALCOA-L-002", LEGIBLE, "Values structured",
                        "A value that has limits or a unit is a plain number; a test result with an outcome has a "
                                + "value.", LegibleRules::structured),
                RuleDefinition.of("ALCOA-L-003", LEGIBLE, "Numbers carry a unit",
                        "A numeric step or test value, a consumed or produced quantity, states its unit (a "
                                + "dimensionless value states 1, as UCUM writes it).",
                        LegibleRules::units));
    }

    private static void structured(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(StepRecord.class).forEach(t -> {
            StepRecord s = t.record();
            boolean numeric = s.lowerLimit() != null || s.upperLimit() != null || !blank(s.unit());
            sink.expect(t.item(), !numeric || Values.number(s.value()).isPresent(), () -> "step " + s.step() + " / "
                    + s.parameter() + " has a unit or limits, but its value '" + s.value() + "' is not a number");
        });
        records.typed(TestResult.class).stream()
                .filter(t -> t.record().outcome() == TestOutcome.PASS || t.record().outcome() == TestOutcome.OOS)
                .forEach(t -> {
                    TestResult r = t.record();
                    boolean limited = r.lowerLimit() != null || r.upperLimit() != null;
                    // a qualitative result (conforms) keeps its words in rawValue; against limits only a number reads
                    boolean ok = !blank(r.reading()) && (!limited || Values.number(r.value()).isPresent());
                    sink.expect(t.item(), ok, () -> "test " + r.test() + " is " + r.outcome() + " but its value '"
                            + r.reading() + "' is " + (blank(r.reading()) ? "missing" : "not a number against its limits"));
                });
    }

    private static void units(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(StepRecord.class).stream().filter(t -> Values.number(t.record().value()).isPresent())
                .forEach(t -> sink.expect(t.item(), !blank(t.record().unit()), () -> "step " + t.record().step() + " / "
                        + t.record().parameter() + " records the number " + t.record().value() + " without a unit"));
        records.typed(TestResult.class).stream().filter(t -> Values.number(t.record().value()).isPresent())
                .forEach(t -> sink.expect(t.item(), !blank(t.record().unit()),
                        () -> "test " + t.record().test() + " records the number " + t.record().value() + " without a unit"));
        records.typed(Consumption.class).stream().filter(t -> t.record().quantity() != null) // none: ALCOA-CO-004
                .forEach(t -> sink.expect(t.item(), !blank(t.record().unit()),
                        () -> "the consumed quantity " + Values.fmt(t.record().quantity()) + " has no unit"));
        records.typed(Production.class).forEach(t -> sink.expect(t.item(), !blank(t.record().unit()),
                () -> "the produced quantity " + Values.fmt(t.record().quantity()) + " has no unit"));
    }
}
