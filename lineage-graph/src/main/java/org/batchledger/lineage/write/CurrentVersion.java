package org.batchledger.lineage.write;

import java.util.HashMap;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/** The version of a record a correction supersedes, and the corrected record built from it. */
record CurrentVersion(Map<String, Object> properties, long version, String contentHash) {
    private static final java.util.Set<RecordType> SECOND_PERSON_VERIFIED =
            java.util.EnumSet.of(RecordType.CLEANING, RecordType.CALIBRATION);
    private static final String CURRENT = """
            MATCH (n:%s {key: $key}) WHERE""" + Visibility.current("n") + """
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";

    static CurrentVersion read(Tx tx, CorrectionRequest request) {
        var result = tx.run(CURRENT.formatted(request.type().graphName()), Map.of("key", request.key()));
        if (!result.hasNext()) {
            throw CorrectRecord.problem(request, "key", "no such record");
        }
        var r = result.single();
        return new CurrentVersion(r.get("p").asMap(), r.get("version").asLong(), r.get("hash").asString());
    }

    LedgerRecord apply(CorrectionRequest request) {
        // CorrectionRules have already allowed every field; only correctable record fields get here.
        Map<String, Object> next = new HashMap<>(properties);
        next.putAll(request.changes());
        if (SECOND_PERSON_VERIFIED.contains(request.type())) {
            // the second person verified the values as they were: the corrected version is unverified until someone
            // verifies it (its workflow's VERIFY; CORR-VERIFICATION keeps the verifier fields out of a correction)
            next.remove("verifiedBy");
            next.remove("verifiedAt");
        }
        try {
            return RecordProperties.toRecord(next, request.type().javaType());
        } catch (RuntimeException e) {
            throw CorrectRecord.problem(request, "changes", "do not form a valid " + request.type().graphName());
        }
    }
}
