package org.batchledger.lineage.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.batchledger.lineage.release.BatchFacts.Use;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Equipment clean and calibrated at use. For each use ({@code from}–{@code to}): the last cleaning performed before
 * {@code from} must still be within its clean hold time at {@code from} ({@code validUntil}, none = no limit), and
 * the last calibration performed before {@code from} must not have failed and must not fall due before the use
 * ends ({@code dueAt} against {@code to}, or {@code from} while the use is open). A batch with no equipment use
 * recorded is INCOMPLETE: readiness cannot show clean, calibrated equipment it does not know.
 */
final class EquipmentCheck {
    static final String NAME = "equipment-ready";
    static final String TITLE = "Equipment clean within hold time and calibrated at use";

    enum Kind { NOT_CLEAN, NOT_CALIBRATED, UNKNOWN_TIME }

    /** One reason equipment was not ready for one use. */
    record Problem(Kind kind, Use use, RecordRef record, String sentence) {
    }

    private EquipmentCheck() {
    }

    static ReadinessCheck check(BatchFacts f) {
        if (f.equipment().isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, "No equipment use is recorded for batch "
                    + f.batch().key() + ", so clean and calibrated equipment at use cannot be shown.", List.of());
        }
        List<Problem> problems = problems(f);
        List<Evidence> evidence = problems.stream().map(p -> Evidence.of(p.record(), p.sentence())).toList();
        List<String> sentences = problems.stream().map(Problem::sentence).toList();
        if (problems.stream().anyMatch(p -> p.kind() != Kind.UNKNOWN_TIME)) {
            return Checks.of(NAME, TITLE, CheckStatus.FAIL, Checks.sentence(sentences), evidence);
        }
        if (!problems.isEmpty()) {
            return Checks.of(NAME, TITLE, CheckStatus.INCOMPLETE, Checks.sentence(sentences), evidence);
        }
        int n = f.equipment().size();
        return Checks.pass(NAME, TITLE, Checks.every(n, "equipment use", "equipment uses") + " of batch "
                + f.batch().key() + " " + Checks.verb(n, "was", "were") + " within clean hold time and calibration.",
                List.of());
    }

    static List<Problem> problems(BatchFacts f) {
        List<Problem> out = new ArrayList<>();
        for (Use u : f.equipment()) {
            String eq = name(u);
            Instant from = u.use().from();
            if (from == null) {
                out.add(new Problem(Kind.UNKNOWN_TIME, u, equipment(u), eq + " has no start time for its use in step "
                        + u.use().step()));
                continue;
            }
            Instant end = u.use().to() == null ? from : u.use().to();
            Optional<Cleaning> cleaning = u.cleanings().stream().filter(c -> !c.performedAt().isAfter(from))
                    .max(Comparator.comparing(Cleaning::performedAt));
            if (cleaning.isEmpty()) {
                out.add(new Problem(Kind.NOT_CLEAN, u, equipment(u), eq + " has no cleaning recorded before its use"
                        + " in step " + u.use().step() + " from " + from));
            } else if (!secondPerson(cleaning.get().verifiedBy(), cleaning.get().performedBy())) {
                out.add(new Problem(Kind.NOT_CLEAN, u, RecordRef.of(cleaning.get()), eq + "'s last cleaning before its"
                        + " use in step " + u.use().step() + ", " + cleaning.get().key() + ", is not verified by a"
                        + " second person"));
            } else if (cleaning.get().validUntil() != null && cleaning.get().validUntil().isBefore(from)) {
                out.add(new Problem(Kind.NOT_CLEAN, u, RecordRef.of(cleaning.get()), eq + "'s cleaning "
                        + cleaning.get().key() + " was valid until " + cleaning.get().validUntil()
                        + ", before its use in step " + u.use().step() + " from " + from + " (clean hold time exceeded)"));
            }
            Optional<Calibration> calibration = u.calibrations().stream()
                    .filter(c -> !c.performedAt().isAfter(from)).max(Comparator.comparing(Calibration::performedAt));
            if (calibration.isEmpty()) {
                out.add(new Problem(Kind.NOT_CALIBRATED, u, equipment(u), eq + " has no calibration recorded before"
                        + " its use in step " + u.use().step() + " from " + from));
            } else if (!secondPerson(calibration.get().verifiedBy(), calibration.get().performedBy())) {
                out.add(new Problem(Kind.NOT_CALIBRATED, u, RecordRef.of(calibration.get()), eq
                        + "'s last calibration before use, " + calibration.get().key() + ", is not verified by a"
                        + " second person"));
            } else if (calibration.get().outcome() == Calibration.CalibrationOutcome.FAIL) {
                out.add(new Problem(Kind.NOT_CALIBRATED, u, RecordRef.of(calibration.get()), eq
                        + "'s last calibration before use, " + calibration.get().key() + ", FAILED"));
            } else if (calibration.get().dueAt() != null && calibration.get().dueAt().isBefore(end)) {
                out.add(new Problem(Kind.NOT_CALIBRATED, u, RecordRef.of(calibration.get()), eq + "'s calibration "
                        + calibration.get().key() + " was due " + calibration.get().dueAt() + ", before its use in step "
                        + u.use().step() + " ended " + end));
            }
        }
        return out;
    }

    /** Verified, and not by the one who performed it (a source system may record its own verifier). */
    static boolean secondPerson(String verifiedBy, String performedBy) {
        return verifiedBy != null && !verifiedBy.equals(performedBy);
    }

    static String name(Use u) {
        String key = u.use().equipmentKey();
        return "Equipment " + key + (u.equipment() == null || u.equipment().name() == null ? ""
                : " (" + u.equipment().name() + ")");
    }

    private static RecordRef equipment(Use u) {
        return new RecordRef(RecordType.EQUIPMENT, u.use().equipmentKey());
    }
}
