package org.batchledger.synthplant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.Deviation.Severity;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The plant's quality records as they were recorded, before any workflow step ({@link #asRecorded}: deviations
 * and change controls OPEN, cleanings and calibrations unverified), and the workflow steps that bring each to the
 * state the plant gives it ({@link #steps}), each taken by one of the plant's people in a role the workflow data lets
 * take it. A hub that writes the first and then takes the second through its workflows ends with the plant's states.
 *
 * <p>The hub went live with the newest orders, those of the release spread ({@link #liveSince}): cleanings and
 * calibrations before are the e-logbook's history, handed over verified as the source recorded them; from then on
 * each is recorded unverified and verified in the hub. Deviations and change controls all pass through the hub.
 *
 * <p>Who takes what: a deviation's investigation is started (and a CAPA required and opened) by the QA person who
 * raised it; a CAPA is implemented by an operator, its effectiveness checked by a QA reviewer and closed by a QP; a
 * deviation is closed by a QP, with a CAPA when it is MAJOR or CRITICAL (the workflow requires one) and for the
 * plant's first closed deviation (so every plant shows the whole path); a change is assessed by a QA reviewer,
 * approved by a QP (never its requester), implemented by an engineer and closed by a QP, and the plant's oldest change
 * control is taken to CLOSED; a cleaning or calibration is verified by the second person the plant names. People are
 * chosen by position, not by the plant's dice, so every other record stays as it was.
 */
public final class QualityWorkflows {
    /** Someone of the plant taking a step: username (as records name them), printed name, the realm role used. */
    public record Person(String username, String printedName, String role) {
    }

    /** One step, in order. */
    public sealed interface Step permits Take, OpenCapa {
    }

    /**
     * One workflow transition of a deviation, change control, cleaning or calibration, or of the CAPA opened for a
     * deviation ({@code type} CAPA, {@code key} the deviation's key).
     *
     * @param capaReference  for CLOSE_WITH_CAPA and CLOSE: the deviation whose CAPA is referenced, else null
     * @param assessment     for ASSESS: impact on equipment, recipes, specifications, and YES or NO; else null
     */
    public record Take(RecordType type, String key, String transition, Person by, String reason, String rootCause,
                       String capaReference, String classification, List<String> assessment) implements Step {
    }

    /** A CAPA opened for one deviation. */
    public record OpenCapa(String deviationKey, String title, String action, Person by) implements Step {
    }

    private final Instant liveSince;

    private QualityWorkflows(Instant liveSince) {
        this.liveSince = liveSince;
    }

    /** For a plant of this size: live since the day before its oldest designed order (see {@link ReleaseSpread}). */
    public static QualityWorkflows of(PlantSize size) {
        int oldest = Math.max(0, size.orders() - ReleaseSpread.NEWEST_FIRST.size());
        return new QualityWorkflows(new PlantClock(size.lines()).orderStart(oldest / size.lines(),
                oldest % size.lines()).minus(PlantClock.SLOT));
    }

    /** From when cleanings and calibrations are verified in the hub (before: as the source recorded them). */
    public Instant liveSince() {
        return liveSince;
    }

    /** The record as first recorded: what the workflows later move. Every other record is returned as it is. */
    public LedgerRecord asRecorded(LedgerRecord r) {
        return switch (r) {
            case Deviation d -> new Deviation(d.key(), d.title(), d.severity(), DeviationStatus.OPEN, d.impacts(),
                    d.openedAt(), null, null, null, d.provenance());
            case ChangeControl c -> new ChangeControl(c.key(), c.title(), ChangeStatus.OPEN, c.affects(), c.openedAt(),
                    null, c.provenance());
            case Cleaning c when live(c.performedAt()) -> new Cleaning(c.key(), c.equipmentKey(), c.method(), c.performedAt(), c.validUntil(),
                    c.performedBy(), c.provenance());
            case Calibration c when live(c.performedAt()) -> new Calibration(c.key(), c.equipmentKey(), c.outcome(), c.performedAt(), c.dueAt(),
                    c.performedBy(), c.provenance());
            default -> r;
        };
    }

    private boolean live(Instant performedAt) {
        return !performedAt.isBefore(liveSince);
    }

    /** The steps from the recorded states to the plant's, in the order the plant's records come. */
    public List<Step> steps(Stream<LedgerRecord> plant) {
        List<Step> steps = new ArrayList<>();
        int[] changes = {0};
        plant.forEach(r -> {
            switch (r) {
                case Deviation d -> deviation(d, steps);
                case ChangeControl c -> change(c, changes[0]++ == 0, steps);
                case Cleaning c when c.verifiedBy() != null && live(c.performedAt()) -> steps.add(verify(RecordType.CLEANING, c.key(),
                        c.verifiedBy(), "cleaning checked: equipment visually clean, parts and log complete"));
                case Calibration c when c.verifiedBy() != null && live(c.performedAt()) -> steps.add(verify(RecordType.CALIBRATION, c.key(),
                        c.verifiedBy(), "calibration checked: certificate, reference standard and results"));
                default -> {
                }
            }
        });
        return steps;
    }

    private static void deviation(Deviation d, List<Step> steps) {
        if (d.status() == DeviationStatus.OPEN) {
            return;
        }
        Person qa = qa(d.provenance().recordedBy());
        steps.add(deviationStep(d, "START_INVESTIGATION", qa, "investigation started", null, null));
        if (d.status() != DeviationStatus.CLOSED) {
            return;
        }
        String rootCause = "Root cause of '" + d.title() + "' identified and confirmed by the investigation";
        Person qp = pick(Staff.RELEASERS, d.key(), "qa-release");
        if (d.severity() == Severity.MINOR && !noCapaYet(steps)) {
            steps.add(deviationStep(d, "CLOSE", qp, "investigation complete, no CAPA needed", rootCause, null));
            return;
        }
        steps.add(deviationStep(d, "REQUIRE_CAPA", qa, "a corrective action is needed", rootCause, null));
        steps.add(new OpenCapa(d.key(), "CAPA for " + d.key(), "Correct and prevent: " + d.title(), qa));
        steps.add(capa(d, "IMPLEMENT", pick(Staff.OPERATORS, d.key(), "operator"), "action implemented"));
        steps.add(capa(d, "CHECK_EFFECTIVENESS", pick(Staff.REVIEWERS, d.key(), "qa-reviewer"),
                "no recurrence in the following batches"));
        steps.add(capa(d, "CLOSE", qp, "effective, closed"));
        steps.add(deviationStep(d, "CLOSE_WITH_CAPA", qp, "closed with its CAPA", rootCause, d.key()));
    }

    /** Whether no deviation has been closed with a CAPA yet: the first closed one is, so each plant shows the path. */
    private static boolean noCapaYet(List<Step> steps) {
        return steps.stream().noneMatch(s -> s instanceof OpenCapa);
    }

    private static Take deviationStep(Deviation d, String transition, Person by, String reason, String rootCause,
                                      String capaOf) {
        return new Take(RecordType.DEVIATION, d.key(), transition, by, reason, rootCause, capaOf,
                transition.equals("START_INVESTIGATION") ? classification(d) : null, null);
    }

    private static Take capa(Deviation d, String transition, Person by, String reason) {
        return new Take(RecordType.CAPA, d.key(), transition, by, reason, null, null, null, null);
    }

    /** What the deviation impacts says what kind it is. */
    private static String classification(Deviation d) {
        var types = d.impacts().stream().map(RecordRef::type).collect(Collectors.toSet());
        return types.contains(RecordType.EQUIPMENT) ? "EQUIPMENT" : types.contains(RecordType.TEST_RESULT)
                ? "LABORATORY" : types.contains(RecordType.LOT) ? "MATERIAL" : "PROCESS";
    }

    private static void change(ChangeControl c, boolean oldest, List<Step> steps) {
        ChangeStatus to = oldest && c.status() == ChangeStatus.IMPLEMENTED ? ChangeStatus.CLOSED : c.status();
        if (to == ChangeStatus.OPEN || to == ChangeStatus.REJECTED) {
            return;
        }
        steps.add(changeStep(c, "ASSESS", pick(Staff.REVIEWERS, c.key(), "qa-reviewer"), "impact assessed",
                List.of("requalify the affected equipment (IQ/OQ)", "none", "none", "YES")));
        Person qp = pick(Staff.RELEASERS, c.key(), "qa-release");
        steps.add(changeStep(c, "APPROVE", qp, "approved on the assessment", null));
        if (to == ChangeStatus.APPROVED) {
            return;
        }
        steps.add(changeStep(c, "IMPLEMENT", pick(Staff.ENGINEERS, c.key(), "operator"), "implemented", null));
        if (to == ChangeStatus.CLOSED) {
            steps.add(changeStep(c, "CLOSE", qp, "implementation and requalification checked", null));
        }
    }

    private static Take changeStep(ChangeControl c, String transition, Person by, String reason,
                                   List<String> assessment) {
        return new Take(RecordType.CHANGE_CONTROL, c.key(), transition, by, reason, null, null, null, assessment);
    }

    private static Take verify(RecordType type, String key, String verifier, String reason) {
        return new Take(type, key, "VERIFY", person(verifier, "operator"), reason, null, null, null, null);
    }

    private static Person qa(String username) {
        return person(username, "qa-reviewer");
    }

    private static Person pick(List<Staff.Person> pool, String key, String role) {
        Staff.Person p = pool.get(Math.floorMod(key.hashCode(), pool.size()));
        return new Person(p.username(), p.printedName(), role);
    }

    private static final Map<String, Staff.Person> PEOPLE = Stream.of(Staff.OPERATORS, Staff.REVIEWERS,
                    Staff.RELEASERS, Staff.ANALYSTS, Staff.WAREHOUSE, Staff.ENGINEERS, Staff.QA,
                    Staff.AUDIT_TRAIL_REVIEWERS).flatMap(List::stream)
            .collect(Collectors.toMap(Staff.Person::username, Function.identity(), (a, b) -> a));

    private static Person person(String username, String role) {
        Staff.Person p = PEOPLE.get(username);
        return new Person(username, p == null ? username : p.printedName(), role);
    }
}
