package org.batchledger.lineage.write;

import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordType;

/**
 * Removes the staging marks ({@link Visibility#STAGED}) that published files leave, in bounded transactions after
 * their publish. The marks are harmless once the head covers them; removing them keeps reads from paying the head
 * lookup for them and the store as a normal write leaves it. The publish notes its range on the head ({@link #owe});
 * each {@link #step} walks a window of sequence numbers (one element per entry, so a window bounds the transaction)
 * through the per-label {@code ledgerSeq} indexes and moves the range's start past it in the same transaction, so a
 * crash in between is resumed where it stopped. Steps run under the head lock: a correction that supersedes a still
 * marked record cannot interleave with the removal of its mark.
 */
final class StagedTidy {
    /** Sequence numbers per transaction: at most this many elements, ≈ 6 KB of transaction state each. */
    static final int WINDOW = 2_000;
    private static final String OWE = """
            MATCH (h:LedgerHead {id: 'main'}) SET h.tidyFrom = coalesce(h.tidyFrom, $from), h.tidyTo = $to""";
    private static final String OWED = """
            MATCH (h:LedgerHead {id: 'main'}) WHERE h.tidyFrom IS NOT NULL RETURN h.tidyFrom AS from, h.tidyTo AS to""";
    private static final String NODES = """
            MATCH (n:%s) WHERE n.ledgerSeq >= $from AND n.ledgerSeq <= $to AND n.supersededAtSeq = 0
            REMOVE n.supersededAtSeq RETURN count(*) AS n""";
    private static final String RELATIONSHIPS = """
            MATCH ()-[r:%s]->() WHERE r.ledgerSeq >= $from AND r.ledgerSeq <= $to AND r.supersededAtSeq = 0
            REMOVE r.supersededAtSeq RETURN count(*) AS n""";
    private static final String ADVANCE = """
            MATCH (h:LedgerHead {id: 'main'})
            SET h.tidyFrom = CASE WHEN $next > h.tidyTo THEN null ELSE $next END,
                h.tidyTo = CASE WHEN $next > h.tidyTo THEN null ELSE h.tidyTo END""";

    private StagedTidy() {
    }

    /** In the publish's transaction: the marks of {@code from..to} are owed (joined to any range still owed). */
    static void owe(Tx tx, long from, long to) {
        if (to >= from) {
            tx.run(OWE, Map.of("from", from, "to", to)).consume();
        }
    }

    /** Whether a publish left marks to remove (a read: no lock, no write when there is nothing to do). */
    static boolean owed(Tx tx) {
        return tx.run(OWED, Map.of()).hasNext();
    }

    /** One window: the marks removed, or -1 when nothing is owed. Call with the head locked. */
    static long step(Tx tx) {
        var owed = tx.run(OWED, Map.of());
        if (!owed.hasNext()) {
            return -1;
        }
        var r = owed.single();
        long from = r.get("from").asLong();
        long to = Math.min(r.get("to").asLong(), from + WINDOW - 1);
        Map<String, Object> window = Map.of("from", from, "to", to);
        long removed = 0;
        for (RecordType type : RecordType.values()) {
            removed += tx.run((type.isRelationship() ? RELATIONSHIPS : NODES).formatted(type.graphName()), window)
                    .single().get("n").asLong();
        }
        tx.run(ADVANCE, Map.of("next", to + 1)).consume();
        return removed;
    }
}
