package org.batchledger.lineage.workflow;

import java.time.Instant;
import java.util.Set;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * What one workflow moves: the record type, its state, the checks only that type has, and its next version.
 *
 * @param <S> the status enum
 * @param <R> the record
 */
interface Subject<S extends Enum<S>, R extends LedgerRecord> {
    RecordType type();

    Class<R> recordClass();

    S state(R record);

    /**
     * Who recorded, requested or performed the record (user subjects and names as recorded): a transition marked
     * {@code notByRecorder} is taken by someone else.
     */
    default Set<String> recorders(R record) {
        return Set.of(record.provenance().recordedBy());
    }

    /** Checks of this record type, after the workflow's own (state, role, reason); throws a refusal. */
    void require(Tx tx, R current, Workflow.Transition<S> t, TransitionRequest request, String record);

    /** The record's next version after {@code t}. */
    R moved(Tx tx, R current, Workflow.Transition<S> t, TransitionRequest request, Instant now);
}
