package org.batchledger.lineage.write;

import java.util.List;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;

/**
 * One kind of ledgered change (create records, correct a record, withdraw a signature; later ingest, sign,
 * transitions). A command only validates and supplies its graph changes and their ledger entries; the
 * {@link LedgeredWrite unit of work} owns the transaction, idempotency, head lock, sequence numbers and append.
 *
 * @param <R> what the command returns to its caller
 */
public interface LedgeredCommand<R> {
    /** Who asks, why, under which idempotency key, and the request's canonical hash. */
    CommandHeader header();

    /** Reads and validates against the graph, under the head lock; throws a typed exception to refuse. */
    Plan<R> plan(Tx tx);

    /** The original result of a committed request, for a retry with the same key and the same content. */
    R replay(Tx tx, Commit commit);

    /** Validated changes, ready to write. */
    interface Plan<R> {
        /** The ledger entries, in order. */
        List<Change> changes();

        /** Writes the graph changes; the entry {@code changes().get(i)} is appended at {@code firstSeq + i}. */
        R write(Tx tx, long firstSeq);
    }
}
