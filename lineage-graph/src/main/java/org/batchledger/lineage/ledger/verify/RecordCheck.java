package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.RecordType;
import org.neo4j.driver.Record;

/**
 * Every record version (node or genealogy relationship) against the entry that created it ({@code ledgerSeq}):
 * the record is rebuilt from its stored properties and hashed, so an edited value is caught even when its stored
 * {@code contentHash} was edited too. Pages follow {@code ledgerSeq}, which is indexed per label, and are read on a
 * second thread while the page before is checked.
 */
final class RecordCheck {
    static final String NODES = """
            MATCH (n:%s) WHERE n.ledgerSeq > $after AND n.ledgerSeq <= $last
            WITH n ORDER BY n.ledgerSeq LIMIT $limit
            OPTIONAL MATCH (e:LedgerEntry {seq: n.ledgerSeq})
            RETURN n.ledgerSeq AS seq, properties(n) AS n, e.entityType AS type, e.entityKey AS key,
                   e.contentHash AS hash""";
    static final String RELATIONSHIPS = """
            MATCH ()-[n:%s]->() WHERE n.ledgerSeq > $after AND n.ledgerSeq <= $last
            WITH n ORDER BY n.ledgerSeq LIMIT $limit
            OPTIONAL MATCH (e:LedgerEntry {seq: n.ledgerSeq})
            RETURN n.ledgerSeq AS seq, properties(n) AS n, e.entityType AS type, e.entityKey AS key,
                   e.contentHash AS hash""";
    private static final String UNLEDGERED_NODES = "MATCH (n:%s) WHERE n.ledgerSeq IS NULL RETURN n.key AS key";
    private static final String UNLEDGERED_RELATIONSHIPS =
            "MATCH ()-[n:%s]->() WHERE n.ledgerSeq IS NULL RETURN n.key AS key";

    long checked;

    /** Checks every version of one type, reading the next page while checking one; returns how many there are. */
    long run(GraphDatabase db, RecordType type, long last, Findings findings) {
        String page = (type.isRelationship() ? RELATIONSHIPS : NODES).formatted(type.graphName());
        long count = 0;
        try (Prefetch<Record> pages = new Prefetch<>("ledger-verify-" + type.graphName(), 0, last,
                after -> db.read(tx -> tx.run(page, Map.of("after", after, "last", last, "limit", ChainCheck.PAGE))
                        .list()), row -> row.get("seq").asNumber().longValue())) {
            for (List<Record> rows = pages.next(); !rows.isEmpty(); rows = pages.next()) {
                rows.forEach(r -> check(type, r, findings));
                count += rows.size();
            }
        }
        String unledgered = (type.isRelationship() ? UNLEDGERED_RELATIONSHIPS : UNLEDGERED_NODES)
                .formatted(type.graphName());
        db.read(tx -> tx.run(unledgered, Map.of()).list(r -> r.get("key").asString(null))).forEach(key ->
                findings.mismatch(type.graphName(), key, null, "no ledger sequence number: not written by the ledger"));
        checked += count;
        return count;
    }

    private static void check(RecordType type, Record row, Findings findings) {
        Map<String, Object> props = row.get("n").asMap();
        String key = String.valueOf(props.get("key"));
        Long seq = ((Number) props.get("ledgerSeq")).longValue();
        if (row.get("hash").isNull()) {
            findings.mismatch(type.graphName(), key, seq, "its ledger entry " + seq + " is missing");
            return;
        }
        if (!type.graphName().equals(row.get("type").asString()) || !key.equals(row.get("key").asString())) {
            findings.mismatch(type.graphName(), key, seq, "ledger entry " + seq + " records another record");
            return;
        }
        String derived;
        try {
            derived = CanonicalJson.contentHash(RecordProperties.toRecord(props, type.javaType()));
        } catch (RuntimeException e) {
            findings.mismatch(type.graphName(), key, seq, "its stored properties no longer form a valid record");
            return;
        }
        if (!derived.equals(row.get("hash").asString())) {
            findings.mismatch(type.graphName(), key, seq, "its stored content does not hash to the ledgered "
                    + "content hash (record altered)");
        } else if (!derived.equals(props.get("contentHash"))) {
            findings.mismatch(type.graphName(), key, seq, "its contentHash property was altered");
        }
    }
}
