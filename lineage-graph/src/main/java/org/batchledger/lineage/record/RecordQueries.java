package org.batchledger.lineage.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Value;

/** Records by key, by many keys, and in filtered keyset pages. */
public final class RecordQueries {
    private final GraphDatabase db;

    public RecordQueries(GraphDatabase db) {
        this.db = db;
    }

    public <T extends LedgerRecord> Optional<T> byKey(RecordType type, String key) {
        return byKey(type, key, AsOf.CURRENT);
    }

    private static final String SAMPLE_SUBJECT = """
            MATCH (:TestResult {key: $key, version: 1})-[:ON]->(m) WHERE m:Lot OR m:Batch
            RETURN labels(m)[0] AS label, m.key AS key""";

    /**
     * The lot or batch a test result that names only a sample is linked to now (its {@code ON} edge, made when
     * exactly one Lot or Batch of its sample's key is recorded), or empty while it is unlinked.
     */
    public Optional<RecordRef> sampleSubject(String testResultKey) {
        return db.read(tx -> tx.run(SAMPLE_SUBJECT, Map.of("key", testResultKey)).list(r -> new RecordRef(
                RecordType.ofGraphName(r.get("label").asString()), r.get("key").asString()))).stream().findFirst();
    }

    /** The version of a record valid at a tree size (or the current one). */
    public <T extends LedgerRecord> Optional<T> byKey(RecordType type, String key, AsOf asOf) {
        return Optional.ofNullable(this.<T>byKeys(type, List.of(key), asOf).get(key));
    }

    /** Many records of one type in one round trip, current versions; unknown keys are absent from the map. */
    public <T extends LedgerRecord> Map<String, T> byKeys(RecordType type, Collection<String> keys) {
        return byKeys(type, keys, AsOf.CURRENT);
    }

    /** Many records of one type in one round trip, each in its version valid at {@code asOf}. */
    @SuppressWarnings("unchecked")
    public <T extends LedgerRecord> Map<String, T> byKeys(RecordType type, Collection<String> keys, AsOf asOf) {
        String cypher = "UNWIND $keys AS k MATCH (n:" + type.graphName() + " {key: k}) WHERE " + asOf.predicate("n")
                + " RETURN n";
        Map<String, Object> params = new HashMap<>(asOf.parameters());
        params.put("keys", List.copyOf(keys));
        return db.read(tx -> {
            Map<String, T> found = new HashMap<>();
            tx.run(cypher, params).forEachRemaining(r -> {
                T record = (T) toRecord(r.get("n"), type);
                found.put(record.key(), record);
            });
            return found;
        });
    }

    /** Current versions of records of mixed node types in one round trip; unknown references are absent. */
    public Map<RecordRef, LedgerRecord> byRefs(Collection<RecordRef> refs) {
        return byRefs(refs, AsOf.CURRENT);
    }

    /** Records of mixed node types in one round trip, each in its version valid at {@code asOf}. */
    public Map<RecordRef, LedgerRecord> byRefs(Collection<RecordRef> refs, AsOf asOf) {
        List<Map<String, String>> rows = refs.stream().filter(r -> !r.type().isRelationship())
                .map(r -> Map.of("label", r.type().graphName(), "key", r.key())).toList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        String cypher = asOf.isCurrent() ? BY_REFS_CURRENT : BY_REFS_AS_OF;
        Map<String, Object> params = new HashMap<>(asOf.parameters());
        params.put("refs", rows);
        return db.read(tx -> {
            Map<RecordRef, LedgerRecord> found = new HashMap<>();
            tx.run(cypher, params).forEachRemaining(r -> {
                RecordType type = RecordType.ofGraphName(r.get("label").asString());
                LedgerRecord record = toRecord(r.get("n"), type);
                found.put(new RecordRef(type, record.key()), record);
            });
            return found;
        });
    }

    private static final String BY_REFS_CURRENT = byRefs(AsOf.CURRENT);
    private static final String BY_REFS_AS_OF = byRefs(new AsOf(0L));

    /** One index seek per reference, on the label it names; labels come from {@link RecordType}, not input. */
    private static String byRefs(AsOf asOf) {
        return "UNWIND $refs AS r CALL (r) { "
                + java.util.Arrays.stream(RecordType.values()).filter(t -> !t.isRelationship())
                        .map(t -> "MATCH (n:" + t.graphName() + " {key: r.key}) WHERE r.label = '" + t.graphName()
                                + "' AND " + asOf.predicate("n") + " RETURN n")
                        .collect(java.util.stream.Collectors.joining(" UNION ALL "))
                + " } RETURN r.label AS label, n";
    }

    @SuppressWarnings("unchecked")
    public <T extends LedgerRecord> Page<T> page(RecordType type, RecordFilter filter, PageRequest request) {
        if (request.first() == 0) {
            return Page.empty(request);
        }
        String cypher = "MATCH (n:" + type.graphName() + ") WHERE n.key > $after AND "
                + AsOf.CURRENT.predicate("n") + filter.where()
                + " RETURN n ORDER BY n.key LIMIT $limit";
        Map<String, Object> params = new HashMap<>(filter.parameters());
        params.put("after", request.afterOrEmpty());
        params.put("limit", request.first() + 1);
        List<T> fetched = db.read(tx -> tx.run(cypher, params).list(r -> (T) toRecord(r.get("n"), type)));
        return Page.of(fetched, request, LedgerRecord::key);
    }

    static LedgerRecord toRecord(Value entity, RecordType type) {
        return RecordProperties.toRecord(entity.asMap(), type.javaType());
    }
}
