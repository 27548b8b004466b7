package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.release.CheckStatus;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Disposition;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;

/**
 * Takes batch dispositions as {@link TakeDisposition} commands on the {@link LedgeredWrite unit of work}. Readiness
 * and the upstream genealogy are read at the ledger's head first (their own read transactions); the command then
 * checks, under the head lock, that the head has not moved since, so the decision, the readiness it names and the
 * genealogy snapshot it signs are all as of one tree size. If the head moved, both are read again (a few times).
 */
public final class Dispositions {
    private static final int ATTEMPTS = 4;

    private final GraphDatabase db;
    private final LedgeredWrite unitOfWork;
    private final ReleaseReadiness readiness;
    private final GenealogyTraversal traversal;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;

    public Dispositions(GraphDatabase db, LedgeredWrite unitOfWork, ReleaseReadiness readiness,
                        GenealogyTraversal traversal, MeaningRules rules, Duration reauthenticationWindow,
                        Clock clock) {
        this.db = db;
        this.unitOfWork = unitOfWork;
        this.readiness = readiness;
        this.traversal = traversal;
        this.rules = rules;
        this.reauthentication = new Reauthentication(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The disposition, its signature, the batch as it stands after it, and the entry of the last record. */
    public record Disposed(Disposition disposition, Signature signature, Batch batch, long seq, boolean replayed,
                           Bookmarks bookmarks) {
    }

    /** What readiness and the genealogy said at one tree size. */
    record Reading(long treeSize, boolean exists, List<String> failingChecks, GenealogySnapshot snapshot) {
        boolean ready() {
            return failingChecks.isEmpty();
        }
    }

    /** Dispositions, or refuses with a {@link SignatureRefusedException} naming the rule; a refusal writes nothing. */
    public Disposed dispose(DispositionRequest request) {
        for (int attempt = 1; ; attempt++) {
            Reading reading = read(request.batchKey());
            try {
                LedgeredWrite.Receipt<Disposed> r = unitOfWork.run(
                        new TakeDisposition(request, reading, rules, reauthentication, clock));
                Disposed d = r.result();
                return new Disposed(d.disposition(), d.signature(), d.batch(), d.seq(), d.replayed(), r.bookmarks());
            } catch (TakeDisposition.HeadMoved moved) {
                if (attempt == ATTEMPTS) {
                    throw new SignatureRefusedException(RecordType.BATCH.graphName() + ":" + request.batchKey(),
                            SigningRule.DISPOSITION_BUSY);
                }
            }
        }
    }

    private Reading read(String batchKey) {
        long treeSize = db.read(LedgerHead::read).treeSize();
        AsOf at = new AsOf(treeSize);
        Optional<ReleaseReadiness.Evaluation> evaluation = readiness.evaluate(batchKey, at);
        if (evaluation.isEmpty()) {
            return new Reading(treeSize, false, List.of(), null);
        }
        List<String> failing = evaluation.get().readiness().checks().stream()
                .filter(c -> c.status() != CheckStatus.PASS).map(c -> c.name() + ": " + c.status()).toList();
        var trace = traversal.trace(new RecordRef(RecordType.BATCH, batchKey), TraceDirection.UPSTREAM,
                ReleaseReadiness.DEFAULT_LIMITS, at).orElseThrow();
        return new Reading(treeSize, true, failing, GenealogySnapshot.of(treeSize, trace));
    }

    public MeaningRules rules() {
        return rules;
    }
}
