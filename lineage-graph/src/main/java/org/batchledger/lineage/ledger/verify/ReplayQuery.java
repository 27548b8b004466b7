package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordType;

/**
 * One query per page of entries fetches every graph element those entries imply: one {@code COLLECT} subquery per
 * record type (labels and types from {@link RecordType} only), each an index seek on {@code ledgerSeq} for the
 * sequence numbers of that type. For a node: all its labels and properties, its outgoing edges other than genealogy
 * (type, properties, end node's labels, key and version), the {@code ledgerSeq} of its next version and what its
 * previous version holds. For a genealogy relationship: its properties and both ends.
 */
final class ReplayQuery {
    private static final String NODE = """
            COLLECT {
              UNWIND $%2$s AS seq
              MATCH (n:%1$s {ledgerSeq: seq})
              WITH seq, n, CASE WHEN n.version IS :: INTEGER NOT NULL THEN n.version END AS v
              RETURN {seq: seq, labels: labels(n), props: properties(n),
                out: COLLECT { MATCH (n)-[r]->(m) WHERE NOT type(r) IN $genealogy
                               RETURN {type: type(r), props: properties(r), labels: labels(m), key: m.key,
                                       version: m.version} },
                next: COLLECT { MATCH (x:%1$s {key: n.key, version: v + 1}) RETURN x.ledgerSeq },
                prev: COLLECT { MATCH (p:%1$s {key: n.key, version: v - 1})
                                RETURN {hash: p.contentHash, superseded: p.supersededAtSeq} }}
            } AS %2$s""";
    private static final String RELATIONSHIP = """
            COLLECT {
              UNWIND $%2$s AS seq
              MATCH (a)-[r:%1$s {ledgerSeq: seq}]->(b)
              RETURN {seq: seq, props: properties(r),
                from: {labels: labels(a), key: a.key, version: a.version},
                to: {labels: labels(b), key: b.key, version: b.version}}
            } AS %2$s""";
    static final String TEXT = build();

    private ReplayQuery() {
    }

    private static String build() {
        List<String> parts = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            parts.add((type.isRelationship() ? RELATIONSHIP : NODE).formatted(type.graphName(), param(type)));
        }
        return "RETURN " + String.join(",\n", parts);
    }

    static String param(RecordType type) {
        return "t" + type.ordinal();
    }

    /** Parameters of {@link #TEXT}: each type's sequence numbers in the page (empty lists for the others). */
    static Map<String, Object> parameters(List<LedgerEntry> entries) {
        Map<String, Object> params = new HashMap<>();
        // genealogy relationships leave anchors too; they are their own entries' elements, checked as such
        params.put("genealogy", List.copyOf(StoreCounts.GENEALOGY_TYPES));
        for (RecordType type : RecordType.values()) {
            params.put(param(type), new ArrayList<Long>());
        }
        for (LedgerEntry e : entries) {
            RecordType type = GraphReplay.typeOf(e);
            if (type != null) {
                @SuppressWarnings("unchecked")
                List<Long> seqs = (List<Long>) params.get(param(type));
                seqs.add(e.seq());
            }
        }
        return params;
    }

    /** The elements found, by the sequence number they were found at (more than one when one is forged). */
    static Map<Long, List<Map<String, Object>>> run(Tx tx, List<LedgerEntry> entries) {
        var row = tx.run(TEXT, parameters(entries)).single();
        Map<Long, List<Map<String, Object>>> found = new HashMap<>();
        for (RecordType type : RecordType.values()) {
            for (Object o : row.get(param(type)).asList()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> element = (Map<String, Object>) o;
                found.computeIfAbsent(((Number) element.get("seq")).longValue(), s -> new ArrayList<>(1)).add(element);
            }
        }
        return found;
    }
}
