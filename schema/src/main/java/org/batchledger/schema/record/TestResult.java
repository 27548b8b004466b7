package org.batchledger.schema.record;

import java.time.Instant;

/**
 * A LIMS result on a lot or a batch, with specification limits and the outcome (OOS = out of specification).
 *
 * @param subject  the lot or batch tested; null while an ingested result names only a sample the hub does not know
 *                 yet (it is linked when that lot or batch arrives)
 * @param sampleId the source's sample identifier, as recorded; null for results entered against a known subject
 */
public record TestResult(String key, RecordRef subject, String sampleId, String test, String method, String value, String unit,
                         Double lowerLimit, Double upperLimit, TestOutcome outcome, Instant testedAt, String analyst,
                         Provenance provenance) implements LedgerRecord {
    public enum TestOutcome { PASS, OOS, PENDING, INVALIDATED }

    public TestResult {
        testedAt = Instants.millis(testedAt);
    }

    @Override
    public RecordType type() {
        return RecordType.TEST_RESULT;
    }
}
