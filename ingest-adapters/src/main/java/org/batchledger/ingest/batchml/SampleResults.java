package org.batchledger.ingest.batchml;

import java.time.Instant;
import java.util.Map;
import org.batchledger.ingest.Measured;
import org.batchledger.ingest.b2mml.Ids;
import org.batchledger.ingest.b2mml.StatusWords;
import org.batchledger.ingest.b2mml.XmlNode;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;

/**
 * A Sample with its SampleTests and SampleTestResults → {@link TestResult}s on the batch, keeping the sample ID;
 * AnalysisUsed is the method, EquipmentID (else PhysicalAssetID) the instrument, ValueString read by {@link Measured}.
 */
final class SampleResults {
    private static final Map<String, TestOutcome> OUTCOME = Map.of("passed", TestOutcome.PASS, "accepted",
            TestOutcome.PASS, "conforms", TestOutcome.PASS, "fail", TestOutcome.OOS, "failed", TestOutcome.OOS,
            "rejected", TestOutcome.OOS, "outofspecification", TestOutcome.OOS, "invalid", TestOutcome.INVALIDATED);
    private final Entries e;

    SampleResults(Entries e) {
        this.e = e;
    }

    void sample(XmlNode s) {
        String sample = Ids.required(s, "EntryID", e.f);
        for (XmlNode t : s.all("SampleTest")) {
            String test = t.text("TestName") != null ? t.text("TestName") : t.text("TestCode");
            for (XmlNode r : t.all("SampleTestResult")) {
                result(sample, t, test, r);
            }
        }
    }

    private void result(String sample, XmlNode t, String test, XmlNode r) {
        String entry = Ids.required(r, "EntryID", e.f);
        Instant at = e.time(r) != null ? e.time(r) : e.time(t);
        if (at == null) {
            e.f.warnOnce(r.xpath(), "TimeStamp", "BATCHML-TEST-TIME", "sample test result states no TimeStamp; left empty");
        }
        e.f.warnOnce(r.xpath(), "analyst", "BATCHML-TEST-ANALYST", "a BatchML sample test result names no analyst; "
                + "left empty");
        String disposition = r.text("TestDisposition");
        TestOutcome outcome = StatusWords.map(disposition, TestOutcome.class, OUTCOME, r.xpath(), "TestDisposition", e.f);
        XmlNode v = r.child("Results");
        if (sample == null || entry == null) {
            return;
        }
        Measured value = Measured.of(v == null ? null : v.text("ValueString"));
        String instrument = r.text("EquipmentID") != null ? r.text("EquipmentID") : r.text("PhysicalAssetID");
        e.sink.record(new TestResult(e.key("sample/" + sample + "/" + entry), new RecordRef(e.batch.type(),
                e.batch.key()), sample, test, r.firstText("AnalysisUsed"), value.value(),
                v == null ? null : v.text("UnitOfMeasure"), null, null, outcome, at, null, e.m.provenance(r.xpath(), at),
                instrument, value.qualifier(), value.raw()));
    }
}
