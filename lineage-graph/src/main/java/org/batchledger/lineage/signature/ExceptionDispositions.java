package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.release.ReleaseReadiness;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.Bookmarks;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.write.LedgeredWrite;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.ExceptionDisposition;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;

/**
 * Dispositions exceptions of a batch's review queue as {@link TakeExceptionDisposition} commands on the
 * {@link LedgeredWrite unit of work}. The queue is read at the ledger's head first; the command then checks, under
 * the head lock, that the head has not moved, so the exception decided on is the one the evidence hash binds. If the
 * head moved, the queue is read again (a few times).
 */
public final class ExceptionDispositions {
    private static final int ATTEMPTS = 4;

    private final GraphDatabase db;
    private final LedgeredWrite unitOfWork;
    private final ReleaseReadiness readiness;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;

    public ExceptionDispositions(GraphDatabase db, LedgeredWrite unitOfWork, ReleaseReadiness readiness,
                                 MeaningRules rules, Duration reauthenticationWindow, Clock clock) {
        this.db = db;
        this.unitOfWork = unitOfWork;
        this.readiness = readiness;
        this.rules = rules;
        this.reauthentication = new Reauthentication(reauthenticationWindow, clock);
        this.clock = clock;
    }

    /** The decision, its signature, the deviation raised (null on ACCEPT) and the entry of the last record. */
    public record Decided(ExceptionDisposition disposition, Signature signature, Deviation deviation, long seq,
                          boolean replayed, Bookmarks bookmarks) {
    }

    /** The exception as the queue showed it at one tree size. */
    record Reading(long treeSize, ReviewException exception) {
    }

    /** Decides, or refuses with a {@link SignatureRefusedException} naming the rule; a refusal writes nothing. */
    public Decided dispose(ExceptionDispositionRequest request) {
        for (int attempt = 1; ; attempt++) {
            Reading reading = read(request);
            try {
                LedgeredWrite.Receipt<Decided> r = unitOfWork.run(
                        new TakeExceptionDisposition(request, reading, rules, reauthentication, clock));
                Decided d = r.result();
                return new Decided(d.disposition(), d.signature(), d.deviation(), d.seq(), d.replayed(),
                        r.bookmarks());
            } catch (TakeDisposition.HeadMoved moved) {
                if (attempt == ATTEMPTS) {
                    throw new SignatureRefusedException(record(request), SigningRule.EXCEPTION_BUSY);
                }
            }
        }
    }

    private Reading read(ExceptionDispositionRequest request) {
        long treeSize = db.read(LedgerHead::read).treeSize();
        var evaluation = readiness.evaluate(request.batchKey(), new AsOf(treeSize))
                .orElseThrow(() -> new SignatureRefusedException(record(request), SigningRule.UNKNOWN_RECORD));
        ReviewException exception = evaluation.exceptions().stream()
                .filter(x -> x.id().equals(request.exceptionId())).findFirst()
                .orElseThrow(() -> new SignatureRefusedException(record(request), SigningRule.EXCEPTION_UNKNOWN,
                        Map.of("exceptionId", request.exceptionId(), "treeSize", treeSize)));
        return new Reading(treeSize, exception);
    }

    private static String record(ExceptionDispositionRequest request) {
        return RecordType.BATCH.graphName() + ":" + request.batchKey();
    }

    public MeaningRules rules() {
        return rules;
    }
}
