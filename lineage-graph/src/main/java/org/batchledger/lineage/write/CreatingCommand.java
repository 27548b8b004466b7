package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * A feature's command that creates records (a signature, a transition) once its own rules hold, for feature packages
 * (signature, workflow) that decide what to create but must not know the ledger's entry shapes: the write path turns
 * the records into {@code CREATE} entries exactly as {@link CreateRecords} does. The feature's rules run in
 * {@link #records(Tx)}, under the head lock, so they see every write committed before and none after.
 *
 * @param <R> what the command returns to its caller
 */
public abstract class CreatingCommand<R> implements LedgeredCommand<R> {
    private final CommandHeader header;

    /**
     * @param name    the command's name in its request hash (e.g. {@code Sign})
     * @param content what identifies the request besides actor and reason (maps, lists, strings, numbers)
     */
    protected CreatingCommand(String name, Actor actor, String reason, String idempotencyKey, Object content) {
        this.header = new CommandHeader(idempotencyKey, actor, reason, RequestHash.of(name, actor, reason, content));
    }

    /** Validates against the graph under the head lock and returns the records to create; throws to refuse. */
    protected abstract List<LedgerRecord> records(Tx tx);

    /** The caller's result once the records are written; {@code lastSeq} is the entry of the last record. */
    protected abstract R result(List<LedgerRecord> records, long lastSeq);

    /** The original result of a committed request (a retry with the same idempotency key and content). */
    protected abstract R replayed(Tx tx, long lastSeq);

    /**
     * A new version of an existing record that the command writes before its new records, under its own entry
     * action (a workflow's {@code TRANSITION}; corrections have their own command). Asked once, after
     * {@link #records(Tx)}; null: none.
     */
    protected NewVersion newVersion() {
        return null;
    }

    /**
     * @param record        the new version's content
     * @param version       the version it supersedes (the new one is {@code version + 1})
     * @param supersedesHash that version's content hash
     * @param action        the entry's action, e.g. {@code TRANSITION}
     */
    public record NewVersion(LedgerRecord record, long version, String supersedesHash, String action) {
    }

    @Override
    public final CommandHeader header() {
        return header;
    }

    @Override
    public final Plan<R> plan(Tx tx) {
        List<LedgerRecord> records = List.copyOf(records(tx));
        NewVersion next = newVersion();
        Plan<Map<RecordType, Integer>> create = new CreateRecords(new WriteRequest(records, header.actor(),
                header.reason(), header.idempotencyKey())).plan(tx);
        List<Change> changes = new ArrayList<>();
        String nextHash = next == null ? null : CanonicalJson.contentHash(next.record());
        if (next != null) {
            changes.add(new Change(next.action(), next.record().type().graphName(), next.record().key(),
                    next.version() + 1, nextHash, next.supersedesHash()));
        }
        changes.addAll(create.changes());
        int offset = next == null ? 0 : 1;
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public R write(Tx tx, long firstSeq) {
                if (next != null) {
                    CorrectRecord.supersede(tx, next.record(), next.version(), nextHash, firstSeq);
                }
                create.write(tx, firstSeq + offset);
                return result(records, firstSeq + changes.size() - 1);
            }
        };
    }

    @Override
    public final R replay(Tx tx, Commit commit) {
        return replayed(tx, commit.lastSeq());
    }
}
