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
     * New versions of existing records the command writes before its new records, in this order, each under its own
     * entry (a disposition's batch and lots with their new status). Asked once, after {@link #records(Tx)};
     * by default {@link #newVersion()}, if any.
     */
    protected List<NewVersion> newVersions() {
        NewVersion one = newVersion();
        return one == null ? List.of() : List.of(one);
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
        List<NewVersion> next = List.copyOf(newVersions());
        Plan<Map<RecordType, Integer>> create = new CreateRecords(new WriteRequest(records, header.actor(),
                header.reason(), header.idempotencyKey())).plan(tx);
        List<Change> changes = new ArrayList<>();
        List<String> nextHashes = next.stream().map(v -> CanonicalJson.contentHash(v.record())).toList();
        for (int i = 0; i < next.size(); i++) {
            NewVersion v = next.get(i);
            changes.add(new Change(v.action(), v.record().type().graphName(), v.record().key(), v.version() + 1,
                    nextHashes.get(i), v.supersedesHash()));
        }
        changes.addAll(create.changes());
        int offset = next.size();
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public R write(Tx tx, long firstSeq) {
                for (int i = 0; i < next.size(); i++) {
                    CorrectRecord.supersede(tx, next.get(i).record(), next.get(i).version(), nextHashes.get(i),
                            firstSeq + i);
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
