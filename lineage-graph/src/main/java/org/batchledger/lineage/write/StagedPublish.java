package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.InvalidRecordsException.Problem;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The publish of a staged file, inside the transaction that moves the head: refuses it in strict mode if a
 * reference stayed open; links the published records that waited for a record of the file (their edges and
 * work-list rows were left alone while the file was staged); and notes the file's range on the head for
 * {@link StagedTidy}. It touches no staged element: the head moving over them is what publishes them
 * ({@link Visibility}), so its transaction grows with the links it makes, not with the file. The file's own
 * work-list rows keep their mark (their lease's first sequence number), which the head now covers.
 */
final class StagedPublish {
    private static final int MAX_PROBLEMS = 100;
    private static final String OPEN = """
            MATCH (p:PendingReference) WHERE p.staged > $committed AND p.field <> $sample
            RETURN p.fromLabel AS fromLabel, p.fromKey AS fromKey, p.field AS field, p.target AS target,
                   p.locator AS locator LIMIT $limit""";
    private static final String WAITING_TARGETS = """
            MATCH (p:PendingReference) WHERE p.staged IS NULL OR p.staged <= $committed
            RETURN DISTINCT p.target AS target""";
    private static final String ARRIVED = """
            UNWIND $keys AS k MATCH (a:%s {key: k, version: 1}) WHERE a.ledgerSeq > $committed RETURN k""";

    private StagedPublish() {
    }

    static void run(Tx tx, long committed, long staged, boolean strict) {
        if (strict) {
            refuseOpenReferences(tx, committed);
        }
        List<RecordRef> arrived = arrived(tx, committed);
        SampleLinks.arrived(tx, arrived.stream().map(RecordRef::toString).toList());
        PendingReferences.link(tx, arrived, false);
        StagedTidy.owe(tx, committed + 1, staged);
    }

    private static void refuseOpenReferences(Tx tx, long committed) {
        List<Problem> problems = new ArrayList<>();
        tx.run(OPEN, Map.of("sample", References.SAMPLE_ID, "limit", MAX_PROBLEMS, "committed", committed)).forEachRemaining(r ->
                problems.add(new Problem(r.get("fromLabel").asString() + ":" + r.get("fromKey").asString(),
                        r.get("locator").isNull() ? null : r.get("locator").asString(), r.get("field").asString(),
                        "refers to " + r.get("target").asString() + ", which is neither in this file nor recorded")));
        if (!problems.isEmpty()) {
            throw new InvalidRecordsException(problems);
        }
    }

    // The records of this file that published rows wait for: the work list is read once, the file is not.
    private static List<RecordRef> arrived(Tx tx, long committed) {
        Map<RecordType, List<String>> wanted = new HashMap<>();
        tx.run(WAITING_TARGETS, Map.of("committed", committed)).forEachRemaining(r -> {
            RecordRef target = RecordRef.parse(r.get("target").asString());
            wanted.computeIfAbsent(target.type(), t -> new ArrayList<>()).add(target.key());
        });
        List<RecordRef> arrived = new ArrayList<>();
        wanted.forEach((type, keys) -> tx.run(ARRIVED.formatted(type.graphName()),
                Map.of("keys", keys, "committed", committed)).forEachRemaining(r ->
                arrived.add(new RecordRef(type, r.get("k").asString()))));
        return arrived;
    }
}
