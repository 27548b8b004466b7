package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.write.InvalidRecordsException.Problem;
import org.batchledger.lineage.write.References.Ref;
import org.batchledger.schema.json.CanonicalRecord;
import org.batchledger.schema.json.InvalidValueException;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/** A record turned into what the graph stores: its properties, content hash and references. */
record PreparedRecord(RecordType type, String key, String locator, Map<String, Object> properties,
                      String contentHash, List<Ref> references) {

    RecordRef ref() {
        return new RecordRef(type, key);
    }

    /** Prepares every record, refusing blank or repeated keys before anything reaches the database. */
    static List<PreparedRecord> prepare(List<LedgerRecord> records) {
        List<PreparedRecord> prepared = new ArrayList<>(records.size());
        List<Problem> problems = new ArrayList<>();
        Set<RecordRef> seen = new HashSet<>();
        for (LedgerRecord r : records) {
            String locator = r.provenance().locator();
            if (r.key() == null || r.key().isBlank()) {
                problems.add(new Problem(r.type().graphName() + ":<blank>", locator, "key", "must not be blank"));
                continue;
            }
            if (!seen.add(RecordRef.of(r))) {
                problems.add(new Problem(RecordRef.of(r).toString(), locator, "key", "appears twice in this write"));
                continue;
            }
            try {
                prepared.add(of(r, locator, problems));
            } catch (InvalidValueException e) {
                problems.add(new Problem(RecordRef.of(r).toString(), locator, e.field(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordsException(problems);
        }
        return prepared;
    }

    private static PreparedRecord of(LedgerRecord r, String locator, List<Problem> problems) {
        // One pass gives the stored properties and the content hash (no JSON binding, no re-parse).
        CanonicalRecord canonical = CanonicalRecord.of(r);
        Map<String, Object> props = canonical.properties();
        String hash = canonical.contentHash();
        props.put("contentHash", hash);
        List<Ref> refs = List.of();
        try {
            refs = References.of(r.type(), props);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(RecordRef.of(r).toString(), locator, "reference", e.getMessage()));
        }
        return new PreparedRecord(r.type(), r.key(), locator, props, hash, refs);
    }
}
