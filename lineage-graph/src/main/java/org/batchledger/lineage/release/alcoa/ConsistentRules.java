package org.batchledger.lineage.release.alcoa;

import static org.batchledger.lineage.release.alcoa.AlcoaPrinciple.CONSISTENT;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/** Consistent: times in order, one unit per parameter, equipment clean and calibrated when used. */
final class ConsistentRules {
    private ConsistentRules() {
    }

    static List<RuleDefinition> all() {
        return List.of(
                RuleDefinition.of("ALCOA-CS-001", CONSISTENT, "Times in order",
                        "A batch ends after it starts; its step records and consumptions fall between its start "
                                + "and end; an equipment use ends after it starts; a deviation closes after it opens.",
                        ConsistentRules::ordered),
                RuleDefinition.of("ALCOA-CS-002", CONSISTENT, "One unit per parameter",
                        "Within the batch, every value of the same step parameter, and every result of the same "
                                + "test, is recorded in the same unit.", ConsistentRules::units),
                RuleDefinition.of("ALCOA-CS-003", CONSISTENT, "Equipment clean when used",
                        "Every piece of equipment the batch used was cleaned before the use began, the cleaning "
                                + "was verified by a second person, and the clean hold time had not run out.",
                        ConsistentRules::clean),
                RuleDefinition.of("ALCOA-CS-004", CONSISTENT, "Equipment calibrated when used",
                        "Every piece of equipment the batch used had passed its last calibration before the use, "
                                + "verified by a second person, and was not due for the next before the use ended.",
                        ConsistentRules::calibrated));
    }

    private static void ordered(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        Batch b = records.batchRecord();
        if (b == null) {
            return;
        }
        sink.expect(records.batch(), !before(b.endedAt(), b.startedAt()),
                () -> "ends (" + b.endedAt() + ") before it starts (" + b.startedAt() + ")");
        records.typed(StepRecord.class).stream().filter(t -> t.record().executedAt() != null).forEach(t ->
                sink.expect(t.item(), inside(t.record().executedAt(), b), () -> "was executed at "
                        + t.record().executedAt() + ", outside the batch's run " + run(b)));
        records.typed(Consumption.class).stream().filter(t -> t.record().at() != null).forEach(t ->
                sink.expect(t.item(), inside(t.record().at(), b), () -> "consumed lot " + t.record().lotKey() + " at "
                        + t.record().at() + ", outside the batch's run " + run(b)));
        records.typed(EquipmentUse.class).forEach(t -> sink.expect(t.item(), !before(t.record().to(), t.record().from()),
                () -> "ends using " + t.record().equipmentKey() + " (" + t.record().to() + ") before it starts ("
                        + t.record().from() + ")"));
        records.typed(Deviation.class).forEach(t -> sink.expect(t.item(),
                !before(t.record().closedAt(), t.record().openedAt()),
                () -> "closes (" + t.record().closedAt() + ") before it opens (" + t.record().openedAt() + ")"));
    }

    private static void units(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        Map<String, String> first = new HashMap<>();
        records.typed(StepRecord.class).stream().sorted(Comparator.comparing(t -> t.item().ref().key())).forEach(t -> {
            String what = "step " + t.record().step() + " / " + t.record().parameter();
            String unit = first.computeIfAbsent(what, k -> t.record().unit());
            sink.expect(t.item(), Objects.equals(unit, t.record().unit()), () -> what + " is recorded in '"
                    + t.record().unit() + "' here and in '" + unit + "' elsewhere in the batch");
        });
        records.typed(TestResult.class).stream().sorted(Comparator.comparing(t -> t.item().ref().key())).forEach(t -> {
            String what = "test " + t.record().test();
            String unit = first.computeIfAbsent(what, k -> t.record().unit());
            sink.expect(t.item(), Objects.equals(unit, t.record().unit()), () -> what + " is reported in '"
                    + t.record().unit() + "' here and in '" + unit + "' on another result of the batch");
        });
    }

    private static void clean(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(EquipmentUse.class).stream().filter(t -> t.record().from() != null).forEach(t -> {
            EquipmentUse u = t.record();
            Optional<Cleaning> last = records.cleanings().getOrDefault(u.equipmentKey(), List.of()).stream()
                    .filter(c -> c.performedAt() != null && !c.performedAt().isAfter(u.from()))
                    .max(Comparator.comparing(Cleaning::performedAt));
            boolean verified = last.isPresent() && secondPerson(last.get().verifiedBy(), last.get().performedBy());
            boolean ok = verified && (last.get().validUntil() == null || !last.get().validUntil().isBefore(u.from()));
            sink.expect(t.item(), ok, () -> last.isEmpty() ? "used " + u.equipmentKey() + " from " + u.from()
                            + " with no cleaning recorded before" : !verified ? "used " + u.equipmentKey() + " from "
                            + u.from() + " after cleaning " + last.get().key() + ", not verified by a second person"
                            : "used " + u.equipmentKey() + " from " + u.from()
                            + ", after the clean hold of cleaning " + last.get().key() + " ended ("
                            + last.get().validUntil() + ")", equipment(u),
                    last.map(c -> Evidence.of("cleaning " + c.key(), new RecordRef(RecordType.CLEANING, c.key())))
                            .orElse(equipment(u)));
        });
    }

    private static void calibrated(BatchRecords records, AlcoaRule rule, RuleSink sink) {
        records.typed(EquipmentUse.class).stream().filter(t -> t.record().from() != null).forEach(t -> {
            EquipmentUse u = t.record();
            Instant end = u.to() == null ? u.from() : u.to();
            Optional<Calibration> last = records.calibrations().getOrDefault(u.equipmentKey(), List.of()).stream()
                    .filter(c -> c.performedAt() != null && !c.performedAt().isAfter(u.from()))
                    .max(Comparator.comparing(Calibration::performedAt));
            boolean verified = last.isPresent() && secondPerson(last.get().verifiedBy(), last.get().performedBy());
            String why = last.isEmpty() ? "used " + u.equipmentKey() + " with no calibration recorded before "
                    + u.from()
                    : !verified ? "used " + u.equipmentKey() + " after calibration " + last.get().key()
                    + ", not verified by a second person"
                    : last.get().outcome() == Calibration.CalibrationOutcome.FAIL ? "used " + u.equipmentKey()
                    + " after its calibration " + last.get().key() + " failed"
                    : "used " + u.equipmentKey() + " until " + end + ", past the calibration due date "
                    + last.get().dueAt();
            boolean ok = verified && last.get().outcome() != Calibration.CalibrationOutcome.FAIL
                    && (last.get().dueAt() == null || !last.get().dueAt().isBefore(end));
            sink.expect(t.item(), ok, why, equipment(u), last.map(c -> Evidence.of("calibration " + c.key(),
                    new RecordRef(RecordType.CALIBRATION, c.key()))).orElse(equipment(u)));
        });
    }

    private static Evidence equipment(EquipmentUse u) {
        return Evidence.of("equipment " + u.equipmentKey(), new RecordRef(RecordType.EQUIPMENT, u.equipmentKey()));
    }

    /** As readiness: verified, and not by the one who performed it. */
    private static boolean secondPerson(String verifiedBy, String performedBy) {
        return verifiedBy != null && !verifiedBy.equals(performedBy);
    }

    private static boolean before(Instant a, Instant b) {
        return a != null && b != null && a.isBefore(b);
    }

    private static boolean inside(Instant t, Batch b) {
        return !before(t, b.startedAt()) && !before(b.endedAt(), t);
    }

    private static String run(Batch b) {
        return b.startedAt() + " – " + (b.endedAt() == null ? "open" : b.endedAt());
    }
}
