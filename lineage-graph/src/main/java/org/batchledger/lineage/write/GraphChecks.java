package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.InvalidRecordsException.Problem;
import org.batchledger.lineage.write.References.Ref;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Checks a write against the graph, one batched query per record type: no key may exist already (a correction is
 * a new version, not a second create), and every reference must resolve in the write or in the graph.
 */
final class GraphChecks {
    private GraphChecks() {
    }

    static void requireValid(Tx tx, List<PreparedRecord> records) {
        requireValid(tx, records, false);
    }

    /**
     * As {@link #requireValid(Tx, List)}, but with {@code allowPending} a reference field (not a genealogy end) whose
     * target is neither in the write nor recorded is kept open instead of refused; returns those.
     */
    static List<PendingReference> requireValid(Tx tx, List<PreparedRecord> records, boolean allowPending) {
        List<Problem> problems = new ArrayList<>();
        List<PendingReference> pending = new ArrayList<>();
        Map<RecordType, List<PreparedRecord>> byType = records.stream()
                .collect(Collectors.groupingBy(PreparedRecord::type));
        byType.forEach((type, list) -> {
            Set<String> existing = existing(tx, type, list.stream().map(PreparedRecord::key).toList());
            list.stream().filter(r -> existing.contains(r.key())).forEach(r -> problems.add(new Problem(
                    r.ref().toString(), r.locator(), "key", "already recorded; a correction must supersede it")));
        });
        unresolved(tx, records, problems, allowPending ? pending : null);
        if (!problems.isEmpty()) {
            throw new InvalidRecordsException(problems);
        }
        return pending;
    }

    private static void unresolved(Tx tx, List<PreparedRecord> records, List<Problem> problems,
                                   List<PendingReference> pending) {
        Set<RecordRef> inWrite = new HashSet<>();
        records.forEach(r -> inWrite.add(r.ref()));
        Map<RecordType, Set<String>> wanted = new HashMap<>();
        for (PreparedRecord r : records) {
            for (Ref ref : r.references()) {
                if (!inWrite.contains(ref.target())) {
                    wanted.computeIfAbsent(ref.target().type(), t -> new HashSet<>()).add(ref.target().key());
                }
            }
        }
        Set<RecordRef> found = new HashSet<>();
        wanted.forEach((type, keys) -> existing(tx, type, List.copyOf(keys))
                .forEach(k -> found.add(new RecordRef(type, k))));
        for (PreparedRecord r : records) {
            for (Ref ref : r.references()) {
                if (inWrite.contains(ref.target()) || found.contains(ref.target())) {
                    continue;
                }
                if (pending != null && !ref.isEndpoint() && !References.FROM_FILE.equals(ref.edge())) {
                    pending.add(new PendingReference(r.ref(), ref.field(), ref.target(), r.locator()));
                } else {
                    problems.add(new Problem(r.ref().toString(), r.locator(), ref.field(),
                            "refers to " + ref.target() + ", which is neither in this write nor recorded"));
                }
            }
        }
    }

    private static Set<String> existing(Tx tx, RecordType type, List<String> keys) {
        String cypher = type.isRelationship()
                ? "UNWIND $keys AS k MATCH ()-[r:" + type.graphName() + " {key: k}]->() RETURN k"
                : "UNWIND $keys AS k MATCH (n:" + type.graphName() + " {key: k}) RETURN k";
        return tx.run(cypher, Map.of("keys", keys)).list(r -> r.get("k").asString()).stream()
                .collect(Collectors.toSet());
    }
}
