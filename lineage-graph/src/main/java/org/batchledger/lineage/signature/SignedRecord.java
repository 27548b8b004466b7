package org.batchledger.lineage.signature;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The record to be signed as the graph has it now: its current version's content hash, and the batch it belongs to
 * (a batch itself, a step record in it, a test result on it), if any.
 */
record SignedRecord(RecordRef ref, String contentHash, String batchKey) {
    // Labels come from the RecordType allow-list.
    private static final String CURRENT = """
            MATCH (n:%s {key: $key}) WHERE""" + Visibility.current("n") + """
            RETURN n.contentHash AS hash, n.batchKey AS batchKey, n.subject AS subject""";
    private static final Set<RecordType> BATCH_PARTS = Set.of(RecordType.BATCH, RecordType.STEP_RECORD,
            RecordType.TEST_RESULT);

    static Optional<SignedRecord> read(Tx tx, RecordRef ref) {
        List<org.neo4j.driver.Record> rows = tx.run(CURRENT.formatted(ref.type().graphName()),
                Map.of("key", ref.key())).list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        var row = rows.getFirst();
        return Optional.of(new SignedRecord(ref, row.get("hash").asString(), batchOf(ref, row)));
    }

    private static String batchOf(RecordRef ref, org.neo4j.driver.Record row) {
        if (!BATCH_PARTS.contains(ref.type())) {
            return null;
        }
        return switch (ref.type()) {
            case BATCH -> ref.key();
            case STEP_RECORD -> row.get("batchKey").asString(null);
            default -> {
                String subject = row.get("subject").asString(null);
                yield subject != null && subject.startsWith(RecordType.BATCH.graphName() + ":")
                        ? RecordRef.parse(subject).key() : null;
            }
        };
    }
}
