package org.batchledger.hub.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.ingest.IngestReport.Finding;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;

/**
 * The pipeline's checks on what an adapter read, before anything is written: the integrity rules every format
 * shares (provenance from this file, no event after its capture, a quantity has its unit, limits and periods in
 * order). References are checked by the write itself, against the file and the graph.
 */
final class RecordChecks {
    /** Clocks of source systems drift; an event a little after the hub received the file is not refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private RecordChecks() {
    }

    static List<Finding> check(String file, String sourceId, List<LedgerRecord> records) {
        List<Finding> problems = new ArrayList<>();
        for (LedgerRecord r : records) {
            Check c = new Check(file, r, problems);
            if (!sourceId.equals(r.provenance().source())) {
                c.fail("provenance.source", "PROVENANCE-SOURCE", "is " + r.provenance().source() + ", not this file ("
                        + sourceId + ")");
            }
            if (r.provenance().eventAt().isAfter(r.provenance().recordedAt().plus(CLOCK_SKEW))) {
                c.fail("provenance.eventAt", "TIME-ORDER", "the event (" + r.provenance().eventAt()
                        + ") is after its capture (" + r.provenance().recordedAt() + ")");
            }
            byType(r, c);
        }
        return problems;
    }

    private static void byType(LedgerRecord r, Check c) {
        switch (r) {
            case Lot l when l.quantity() != null && blank(l.unit()) -> c.fail("unit", "UNIT-REQUIRED", "a quantity needs its unit");
            case Lot l when l.key().equals(l.parentLotKey()) ->
                    c.fail("parentLotKey", "PARENT-LOT-SELF", "a lot cannot be a sub-lot of itself");
            case Consumption x when x.quantity() != null && blank(x.unit()) -> c.fail("unit", "UNIT-REQUIRED", "a consumed quantity needs its unit");
            case Production x when blank(x.unit()) -> c.fail("unit", "UNIT-REQUIRED", "a produced quantity needs its unit");
            case TestResult t when outOfOrder(t.lowerLimit(), t.upperLimit()) ->
                    c.fail("lowerLimit", "LIMITS-ORDER", "the lower limit is above the upper limit");
            case StepRecord s when outOfOrder(s.lowerLimit(), s.upperLimit()) ->
                    c.fail("lowerLimit", "LIMITS-ORDER", "the lower limit is above the upper limit");
            case Batch b -> batchTimes(b, c);
            default -> {
            }
        }
    }

    /** Actual and planned periods each in order; the two are never compared (a batch may run late). */
    private static void batchTimes(Batch b, Check c) {
        if (b.startedAt() != null && b.endedAt() != null && b.endedAt().isBefore(b.startedAt())) {
            c.fail("endedAt", "TIME-ORDER", "the batch ended (" + b.endedAt() + ") before it started ("
                    + b.startedAt() + ")");
        }
        if (b.plannedStart() != null && b.plannedEnd() != null && b.plannedEnd().isBefore(b.plannedStart())) {
            c.fail("plannedEnd", "TIME-ORDER", "the batch is planned to end (" + b.plannedEnd()
                    + ") before its planned start (" + b.plannedStart() + ")");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean outOfOrder(Double lower, Double upper) {
        return lower != null && upper != null && lower > upper;
    }

    private record Check(String file, LedgerRecord record, List<Finding> problems) {
        void fail(String field, String rule, String message) {
            problems.add(new Finding(file, record.provenance().locator(), RecordRef.of(record).toString(), field, rule,
                    message));
        }
    }
}
