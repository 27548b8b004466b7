package org.batchledger.lineage.write;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;

/** The version of a record a correction supersedes, and the corrected record built from it. */
record CurrentVersion(Map<String, Object> properties, long version, String contentHash) {
    private static final String CURRENT = """
            MATCH (n:%s {key: $key}) WHERE n.supersededAtSeq IS NULL
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";
    // Bookkeeping, identity and provenance of capture are not the corrector's to change.
    private static final Set<String> FIXED = Set.of("key", "contentHash", "ledgerSeq", "version", "supersededAtSeq");

    static CurrentVersion read(Tx tx, CorrectionRequest request) {
        var result = tx.run(CURRENT.formatted(request.type().graphName()), Map.of("key", request.key()));
        if (!result.hasNext()) {
            throw RecordCorrector.problem(request, "key", "no such record");
        }
        var r = result.single();
        return new CurrentVersion(r.get("p").asMap(), r.get("version").asLong(), r.get("hash").asString());
    }

    LedgerRecord apply(CorrectionRequest request) {
        Set<String> references = References.fieldNames(request.type());
        Map<String, Object> next = new HashMap<>(properties);
        for (var change : request.changes().entrySet()) {
            String field = change.getKey();
            if (FIXED.contains(field) || references.contains(field)) {
                throw RecordCorrector.problem(request, field, "cannot be corrected (identity, bookkeeping or a "
                        + "reference to another record: record a new one instead)");
            }
            if (!properties.containsKey(field) && !RecordProperties.isField(request.type().javaType(), field)) {
                throw RecordCorrector.problem(request, field, "is not a field of " + request.type().graphName());
            }
            next.put(field, change.getValue());
        }
        try {
            return RecordProperties.toRecord(next, request.type().javaType());
        } catch (RuntimeException e) {
            throw RecordCorrector.problem(request, "changes", "do not form a valid " + request.type().graphName());
        }
    }
}
