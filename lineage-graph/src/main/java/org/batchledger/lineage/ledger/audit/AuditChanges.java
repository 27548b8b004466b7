package org.batchledger.lineage.ledger.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.json.RecordFields;
import org.batchledger.schema.json.RecordFields.Difference;
import org.batchledger.schema.record.RecordType;

/**
 * What each entry changed, field by field: a correction's old and new value of every field it changed, a
 * creation's recorded values (old absent). The versions an entry's content hashes name are read back as records
 * (one batched read per record type) and compared as records by {@link RecordFields}.
 */
public final class AuditChanges {
    private static final String NODE_VERSIONS = """
            UNWIND $rows AS row
            MATCH (n:%s {key: row.key}) WHERE n.contentHash IN row.hashes
            RETURN n.key AS key, n.contentHash AS hash, properties(n) AS p""";
    private static final String RELATIONSHIP_VERSIONS = """
            UNWIND $rows AS row
            MATCH ()-[n:%s {key: row.key}]->() WHERE n.contentHash IN row.hashes
            RETURN n.key AS key, n.contentHash AS hash, properties(n) AS p""";

    private final GraphDatabase db;

    public AuditChanges(GraphDatabase db) {
        this.db = db;
    }

    /** By entry: the fields it changed; empty when the versions it names are not in the graph. */
    public Map<AuditEntry, List<Difference>> of(Collection<AuditEntry> entries) {
        Map<String, List<AuditEntry>> byType = entries.stream().collect(Collectors.groupingBy(AuditEntry::entityType));
        Map<AuditEntry, List<Difference>> changes = new HashMap<>();
        byType.forEach((typeName, list) -> {
            RecordType type = RecordType.ofGraphName(typeName);
            Map<String, LedgerRecord> versions = versions(type, list);
            for (AuditEntry e : list) {
                LedgerRecord after = versions.get(e.entityKey() + "\n" + e.contentHash());
                LedgerRecord before = e.supersedesHash() == null ? null
                        : versions.get(e.entityKey() + "\n" + e.supersedesHash());
                boolean complete = after != null && (e.supersedesHash() == null || before != null);
                changes.put(e, complete ? RecordFields.differences(before, after) : List.of());
            }
        });
        return changes;
    }

    // Keyed by key + newline + content hash (a key never holds a newline: keys are single-line identifiers).
    private Map<String, LedgerRecord> versions(RecordType type, List<AuditEntry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AuditEntry e : entries) {
            List<String> hashes = new ArrayList<>();
            hashes.add(e.contentHash());
            if (e.supersedesHash() != null) {
                hashes.add(e.supersedesHash());
            }
            rows.add(Map.of("key", e.entityKey(), "hashes", hashes));
        }
        String cypher = (type.isRelationship() ? RELATIONSHIP_VERSIONS : NODE_VERSIONS).formatted(type.graphName());
        Map<String, LedgerRecord> versions = new HashMap<>();
        db.read(tx -> tx.run(cypher, Map.of("rows", rows)).list()).forEach(r -> versions.put(
                r.get("key").asString() + "\n" + r.get("hash").asString(),
                RecordProperties.toRecord(r.get("p").asMap(), type.javaType())));
        return versions;
    }
}
