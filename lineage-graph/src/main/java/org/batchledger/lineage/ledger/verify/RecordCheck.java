package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.EntryDecodeException;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
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
            RETURN n.ledgerSeq AS seq, properties(n) AS n""";
    static final String RELATIONSHIPS = """
            MATCH ()-[n:%s]->() WHERE n.ledgerSeq > $after AND n.ledgerSeq <= $last
            WITH n ORDER BY n.ledgerSeq LIMIT $limit
            RETURN n.ledgerSeq AS seq, properties(n) AS n""";
    private static final String UNLEDGERED_NODES = "MATCH (n:%s) WHERE n.ledgerSeq IS NULL RETURN n.key AS key";
    private static final String UNLEDGERED_RELATIONSHIPS =
            "MATCH ()-[n:%s]->() WHERE n.ledgerSeq IS NULL RETURN n.key AS key";

    // Smaller than the chain's pages: a sparse type's page may touch a bundle per record.
    private static final int PAGE = 1_000;

    long checked;

    /** Checks every version of one type, reading the next page while checking one; returns how many there are. */
    long run(GraphDatabase db, RecordType type, long last, Findings findings) {
        String page = (type.isRelationship() ? RELATIONSHIPS : NODES).formatted(type.graphName());
        long count = 0;
        try (Prefetch<Row> pages = new Prefetch<>("ledger-verify-" + type.graphName(), 0, last,
                after -> db.read(tx -> rows(tx, page, after, last)), Row::seq)) {
            for (List<Row> rows = pages.next(); !rows.isEmpty(); rows = pages.next()) {
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

    /** A record version and the entry that created it (null when no bundle holds that entry). */
    private record Row(long seq, Map<String, Object> props, LedgerEntry entry) {
    }

    // A page of records, then the bundles holding their entries: one query each, bundles read once per page.
    private static List<Row> rows(GraphDatabase.Tx tx, String page, long after, long last) {
        List<Record> records = tx.run(page, Map.of("after", after, "last", last, "limit", PAGE)).list();
        List<Long> seqs = records.stream().map(r -> r.get("seq").asNumber().longValue()).toList();
        Map<Long, LedgerEntry> entries;
        try {
            entries = LedgerBundles.entries(tx, seqs);
        } catch (EntryDecodeException e) {
            entries = Map.of(); // the chain check names the entry; here its records read as unledgered
        }
        Map<Long, LedgerEntry> found = entries;
        return records.stream().map(r -> new Row(r.get("seq").asNumber().longValue(), r.get("n").asMap(),
                found.get(r.get("seq").asNumber().longValue()))).toList();
    }

    private static void check(RecordType type, Row row, Findings findings) {
        Map<String, Object> props = row.props();
        String key = String.valueOf(props.get("key"));
        Long seq = row.seq();
        if (row.entry() == null) {
            findings.mismatch(type.graphName(), key, seq, "its ledger entry " + seq + " is missing");
            return;
        }
        if (!type.graphName().equals(row.entry().entityType()) || !key.equals(row.entry().entityKey())) {
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
        if (!derived.equals(row.entry().contentHash())) {
            findings.mismatch(type.graphName(), key, seq, "its stored content does not hash to the ledgered "
                    + "content hash (record altered)");
        } else if (!derived.equals(props.get("contentHash"))) {
            findings.mismatch(type.graphName(), key, seq, "its contentHash property was altered");
        }
    }
}
