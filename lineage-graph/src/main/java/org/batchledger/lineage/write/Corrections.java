package org.batchledger.lineage.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.LedgerBundles;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Who corrected which records: the actor of each {@code CORRECT} entry, read from the ledger (the graph keeps who
 * recorded a record, not who corrected it). For commands whose rules depend on it, such as segregation of duties.
 */
public final class Corrections {
    // Every version after the first was written by one CORRECT entry: its ledgerSeq names that entry.
    // Labels come from the RecordType allow-list, one query per type.
    private static final String LATER_VERSIONS = """
            UNWIND $keys AS key
            MATCH (n:%s {key: key}) WHERE n.version > 1
            RETURN key, n.ledgerSeq AS seq""";

    private Corrections() {
    }

    /** The subjects that corrected each record (records never corrected are absent). */
    public static Map<RecordRef, Set<String>> correctors(Tx tx, Collection<RecordRef> records) {
        Map<RecordType, List<String>> keys = records.stream().filter(r -> !r.type().isRelationship()).distinct()
                .collect(Collectors.groupingBy(RecordRef::type, Collectors.mapping(RecordRef::key, Collectors.toList())));
        Map<Long, RecordRef> bySeq = new HashMap<>();
        keys.forEach((type, ks) -> tx.run(LATER_VERSIONS.formatted(type.graphName()), Map.of("keys", ks)).list()
                .forEach(r -> bySeq.put(r.get("seq").asLong(), new RecordRef(type, r.get("key").asString()))));
        Map<Long, LedgerEntry> entries = LedgerBundles.entries(tx, bySeq.keySet());
        Map<RecordRef, Set<String>> correctors = new HashMap<>();
        bySeq.forEach((seq, ref) -> {
            LedgerEntry e = entries.get(seq);
            if (e != null && CorrectRecord.ACTION.equals(e.action())) {
                correctors.computeIfAbsent(ref, k -> new HashSet<>()).add(e.actorSubject());
            }
        });
        return correctors;
    }
}
