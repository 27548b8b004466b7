package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.util.Map;
import org.batchledger.ingest.Measured;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;

/**
 * A B2MML {@code TestResult} of a property (ID, Description, TestDateTime, Result) → {@link TestResult}; the Result's
 * ValueString is read by {@link Measured} (a word such as {@code passed} is the outcome, kept in rawValue).
 */
final class TestResults {
    private static final Map<String, TestOutcome> OUTCOME = Map.of("passed", TestOutcome.PASS, "ok",
            TestOutcome.PASS, "conforms", TestOutcome.PASS, "complies", TestOutcome.PASS, "fail", TestOutcome.OOS,
            "failed", TestOutcome.OOS, "outofspecification", TestOutcome.OOS, "doesnotcomply", TestOutcome.OOS);

    /** Everything but the subject, which the caller knows only once the lot's key is read. */
    record Pending(String key, String test, String value, String unit, TestOutcome outcome, Instant testedAt,
                   Provenance provenance) {
        TestResult against(RecordRef subject) {
            Measured m = Measured.of(value);
            return new TestResult(key, subject, null, test, null, m.value(), unit, null, null, outcome, testedAt, null,
                    provenance, null, m.qualifier(), m.raw());
        }
    }

    private TestResults() {
    }

    static Pending of(XmlNode t, String propertyId, String ownerId, B2mmlMessage m) {
        Findings f = m.findings();
        String testId = t.text("ID");
        String n = t.xpath().substring(t.xpath().lastIndexOf('[') + 1, t.xpath().length() - 1);
        String test = propertyId + (testId == null ? "" : "/" + testId);
        XmlNode result = t.child("Result");
        String value = result == null ? null : result.text("ValueString");
        String unit = result == null ? null : result.text("UnitOfMeasure");
        Instant at = XmlValues.time(t.text("TestDateTime"), t.xpath() + "/TestDateTime[1]", "TestDateTime", false, f);
        if (at == null) {
            f.warnOnce(t.xpath(), "TestDateTime", "B2MML-TEST-TIME", "test result states no TestDateTime; left empty");
        }
        f.warnOnce(t.xpath(), "analyst", "B2MML-TEST-ANALYST", "a B2MML test result names no analyst; left empty");
        TestOutcome outcome = null;
        if (value == null || value.matches("[-+0-9.,eE<>= ]+")) {
            f.warnOnce(t.xpath(), "outcome", "B2MML-TEST-OUTCOME", "a B2MML test result states no pass/fail nor "
                    + "limits; outcome left empty");
        } else {
            outcome = StatusWords.map(value, TestOutcome.class, OUTCOME, t.xpath() + "/Result[1]", "Result", f);
        }
        String key = m.key(ownerId + "/" + test + "/" + (testId == null ? n : testId));
        return new Pending(key, test, value, unit, outcome, at, m.provenance(t.xpath(), at));
    }
}
