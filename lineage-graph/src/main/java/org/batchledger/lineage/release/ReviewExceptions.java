package org.batchledger.lineage.release;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.release.BatchFacts.SignatureFact;
import org.batchledger.lineage.release.BatchFacts.Upstream;
import org.batchledger.lineage.release.BatchFacts.Version;
import org.batchledger.lineage.release.ReviewException.Severity;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;

/**
 * Review by exception: the exceptions of one batch the data can show, in class order; normal records raise none.
 * Reserved classes (OOT, comments, aborted or forced steps, unlinked results) have no source data yet.
 */
final class ReviewExceptions {
    /** A step record captured later than this after the event it records is a late entry. */
    static final Duration LATE_ENTRY = Duration.ofHours(24);
    /** Sources of records entered by hand in the hub rather than received from a system. */
    static final List<String> MANUAL_SOURCES = List.of("hub:", "manual:");

    private ReviewExceptions() {
    }

    static List<ReviewException> of(BatchFacts f, Specifications specs) {
        Raised out = new Raised(f.batch().key());
        results(f, out);
        deviations(f, out);
        materials(f, out);
        equipment(f, out);
        manualAndLate(f, out);
        corrections(f, out);
        stepOrder(f, specs, out);
        auditTrail(f, out);
        out.list.sort(Comparator.comparing(ReviewException::exceptionClass));
        return out.list;
    }

    private record Raised(String batchKey, List<ReviewException> list) {
        Raised(String batchKey) {
            this(batchKey, new ArrayList<>());
        }

        void add(ExceptionClass c, Severity s, String reason, List<Evidence> records, Instant at) {
            list.add(ReviewException.of(batchKey, c, s, reason, records, at));
        }
    }

    private static void results(BatchFacts f, Raised out) {
        for (TestResult t : f.tests()) {
            Evidence e = Evidence.of(RecordRef.of(t), t.test() + " on " + TestChecks.on(t));
            if (t.outcome() == TestOutcome.OOS) {
                out.add(ExceptionClass.OOS_RESULT, Severity.CRITICAL, "Result " + t.key() + " (" + t.test() + " on "
                        + TestChecks.on(t) + ") is out of specification: " + TestChecks.value(t) + ".", List.of(e),
                        t.testedAt());
            } else if (t.outcome() == TestOutcome.PENDING) {
                out.add(ExceptionClass.PENDING_RESULT, Severity.MINOR, "Result " + t.key() + " (" + t.test()
                        + ") is still PENDING.", List.of(e), t.testedAt());
            }
        }
    }

    private static void deviations(BatchFacts f, Raised out) {
        RecordRef batch = RecordRef.of(f.batch());
        for (Deviation d : f.deviations()) {
            Evidence e = Evidence.of(RecordRef.of(d), d.key() + ": " + d.title());
            if (d.status() != Deviation.DeviationStatus.CLOSED) {
                out.add(ExceptionClass.OPEN_DEVIATION, Severity.valueOf(d.severity().name()), "Deviation " + d.key()
                        + " (" + d.title() + ", " + d.severity() + ") is " + d.status() + ".", List.of(e), d.openedAt());
            }
            if (d.impacts().contains(batch) && f.batch().endedAt() != null && d.openedAt() != null
                    && d.openedAt().isAfter(f.batch().endedAt())) {
                out.add(ExceptionClass.LATE_DEVIATION, Severity.MINOR, "Deviation " + d.key() + " was opened "
                        + d.openedAt() + ", after batch " + f.batch().key() + " ended " + f.batch().endedAt() + ".",
                        List.of(e), d.openedAt());
            }
        }
    }

    private static void materials(BatchFacts f, Raised out) {
        Set<RecordRef> consumedHere = new HashSet<>();
        for (Consumption c : f.consumptions()) {
            consumedHere.add(new RecordRef(RecordType.LOT, c.lotKey()));
            Upstream lot = f.upstream().get(new RecordRef(RecordType.LOT, c.lotKey()));
            if (lot == null) {
                continue;
            }
            String what = "Lot " + c.lotKey() + (lot.material() == null ? "" : " (" + lot.material() + ")");
            List<Evidence> e = List.of(Evidence.of(lot.ref(), what), Evidence.of(RecordRef.of(c), "consumption "
                    + c.key()));
            if (lot.expiresAt() != null && c.at() != null && lot.expiresAt().isBefore(c.at())) {
                out.add(ExceptionClass.EXPIRED_MATERIAL, Severity.MAJOR, what + " expired " + lot.expiresAt()
                        + " and was consumed " + c.at() + ".", e, c.at());
            }
            if (!UpstreamCheck.LOT_OK.contains(lot.status())) {
                out.add(ExceptionClass.UNRELEASED_MATERIAL, "REJECTED".equals(lot.status()) ? Severity.CRITICAL
                        : Severity.MAJOR, what + " was consumed in step " + c.step() + " and is " + lot.status() + ".",
                        e, c.at());
            }
        }
        deepUpstream(f, consumedHere, out);
    }

    /** Readiness fails on an unreleased lot or batch at any depth, so the review queue must show it too. */
    private static void deepUpstream(BatchFacts f, Set<RecordRef> consumedHere, Raised out) {
        for (Upstream u : f.upstream().values()) {
            if (consumedHere.contains(u.ref()) || UpstreamCheck.acceptable(u)) {
                continue;
            }
            String what = (u.ref().type() == RecordType.LOT ? "Lot " : "Batch ") + u.ref().key()
                    + (u.material() == null ? "" : " (" + u.material() + ")");
            out.add(ExceptionClass.UNRELEASED_MATERIAL, "REJECTED".equals(u.status()) ? Severity.CRITICAL
                    : Severity.MAJOR, what + " is " + u.status() + " and lies upstream of batch " + f.batch().key()
                    + " in its genealogy.", List.of(Evidence.of(u.ref(), what)), null);
        }
    }

    private static void equipment(BatchFacts f, Raised out) {
        for (EquipmentCheck.Problem p : EquipmentCheck.problems(f)) {
            if (p.kind() == EquipmentCheck.Kind.UNKNOWN_TIME) {
                continue;
            }
            out.add(p.kind() == EquipmentCheck.Kind.NOT_CLEAN ? ExceptionClass.EQUIPMENT_NOT_CLEAN
                    : ExceptionClass.EQUIPMENT_OUT_OF_CALIBRATION, Severity.MAJOR, p.sentence() + ".",
                    List.of(Evidence.of(p.record(), p.sentence()), Evidence.of(RecordRef.of(p.use().use()),
                            "use in step " + p.use().use().step())), p.use().use().from());
        }
    }

    private static void manualAndLate(BatchFacts f, Raised out) {
        for (StepRecord s : f.steps()) {
            if (manual(s.provenance().source())) {
                out.add(ExceptionClass.MANUAL_ENTRY, Severity.MINOR, "Step record " + s.key() + " (" + s.step() + "/"
                        + s.parameter() + ") was entered by hand by " + s.provenance().recordedBy() + ".",
                        List.of(Evidence.of(RecordRef.of(s), s.step() + "/" + s.parameter())), s.provenance().recordedAt());
            }
            Instant event = s.executedAt() != null ? s.executedAt() : s.provenance().eventAt();
            Duration lag = Duration.between(event, s.provenance().recordedAt());
            if (lag.compareTo(LATE_ENTRY) > 0) {
                out.add(ExceptionClass.LATE_ENTRY, Severity.MINOR, "Step record " + s.key() + " (" + s.step() + "/"
                        + s.parameter() + ") was recorded " + lag.toHours() + " h after it was executed.",
                        List.of(Evidence.of(RecordRef.of(s), s.step() + "/" + s.parameter())), s.provenance().recordedAt());
            }
        }
        for (TestResult t : f.tests()) {
            if (manual(t.provenance().source())) {
                out.add(ExceptionClass.MANUAL_ENTRY, Severity.MINOR, "Result " + t.key() + " (" + t.test()
                        + ") was entered by hand by " + t.provenance().recordedBy() + ".",
                        List.of(Evidence.of(RecordRef.of(t), t.test())), t.provenance().recordedAt());
            }
        }
    }

    private static boolean manual(String source) {
        return MANUAL_SOURCES.stream().anyMatch(source::startsWith);
    }

    private static void corrections(BatchFacts f, Raised out) {
        for (Version v : f.versions()) {
            if (v.correction()) {
                String by = v.entry() == null ? "" : " by " + v.entry().actorName() + " (" + v.entry().reason() + ")";
                out.list.add(ReviewException.of(f.batch().key() + "|v" + v.version(), ExceptionClass.CORRECTION,
                        Severity.MINOR, Checks.capitalized(Checks.named(v.ref())) + " was corrected to version "
                        + v.version() + " at entry " + v.seq() + by + ".", List.of(Evidence.of(v.ref(), "version "
                        + v.version() + ", entry " + v.seq())), v.entry() == null ? null : v.entry().at()));
            }
        }
    }

    /** A step of the specification whose first record precedes the first record of a step listed before it. */
    private static void stepOrder(BatchFacts f, Specifications specs, Raised out) {
        Optional<ProductSpecification> spec = specs.of(f.batch().productKey());
        if (spec.isEmpty()) {
            return;
        }
        Map<String, StepRecord> first = f.steps().stream().filter(s -> s.executedAt() != null).collect(
                Collectors.toMap(StepRecord::step, s -> s, (a, b) -> a.executedAt().isBefore(b.executedAt()) ? a : b));
        List<String> order = spec.get().steps();
        for (int j = 1; j < order.size(); j++) {
            StepRecord later = first.get(order.get(j));
            for (int i = 0; later != null && i < j; i++) {
                StepRecord earlier = first.get(order.get(i));
                if (earlier != null && later.executedAt().isBefore(earlier.executedAt())) {
                    out.add(ExceptionClass.STEP_OUT_OF_ORDER, Severity.MAJOR, "Step " + later.step() + " began "
                            + later.executedAt() + ", before step " + earlier.step() + " that precedes it ("
                            + earlier.executedAt() + ").", List.of(Evidence.of(RecordRef.of(later), later.step()),
                            Evidence.of(RecordRef.of(earlier), earlier.step())), later.executedAt());
                    break;
                }
            }
        }
    }

    /** Every correction since the last audit-trail review, as one exception for the reviewer to sign off. */
    private static void auditTrail(BatchFacts f, Raised out) {
        Optional<SignatureFact> last = AuditTrailCheck.reviews(f).stream().max(Comparator.comparingLong(SignatureFact::seq));
        long since = last.map(SignatureFact::seq).orElse(0L);
        List<Version> pending = f.versions().stream().filter(v -> v.correction() && v.seq() > since)
                .sorted(Comparator.comparingLong(Version::seq)).toList();
        if (pending.isEmpty()) {
            return;
        }
        String reason = Checks.plural(pending.size(), "correction", "corrections") + " of batch " + f.batch().key()
                + "'s records since " + last.map(s -> "the audit-trail review " + s.signature().key() + " (entry "
                + s.seq() + ")").orElse("no audit-trail review") + " await review.";
        out.add(ExceptionClass.AUDIT_TRAIL_REVIEW, Severity.MAJOR, Checks.capitalized(reason),
                pending.stream().map(v -> Evidence.of(v.ref(), "version " + v.version() + ", entry " + v.seq() + (v.entry()
                        == null ? "" : " by " + v.entry().actorName() + ": " + v.entry().reason()))).toList(),
                pending.getLast().entry() == null ? null : pending.getLast().entry().at());
    }
}
