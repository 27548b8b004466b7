package org.batchledger.hub.release;

import java.time.Instant;
import java.util.List;
import org.batchledger.lineage.release.CheckStatus;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.release.ExceptionReviews;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.release.Verdict;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.RecordType;

/** The release types as the SDL names them. */
final class Views {
    private Views() {
    }

    record ReadinessView(Batch batch, boolean ready, Verdict verdict, int treeSize, List<CheckView> checks) {
    }

    record CheckView(String name, String title, CheckStatus status, String explanation, List<EvidenceView> evidence) {
    }

    record ExceptionView(String id, ExceptionClass exceptionClass, ReviewException.Severity severity, String reason,
                         List<EvidenceView> records, Instant raisedAt, String evidenceSha256,
                         DecisionView disposition, List<DecisionView> earlierDispositions) {
        static ExceptionView of(ExceptionReviews.Review r) {
            ReviewException x = r.exception();
            return new ExceptionView(x.id(), x.exceptionClass(), x.severity(), x.reason(), EvidenceView.of(x.records()),
                    x.raisedAt(), r.evidenceSha256(), r.covering().map(d -> DecisionView.of(d, x)).orElse(null),
                    r.earlier().stream().map(d -> DecisionView.of(d, x)).toList());
        }
    }

    /** A standing decision on an exception, as the SDL's ExceptionDisposition. */
    record DecisionView(String id, String key, String exceptionId, ExceptionClass exceptionClass,
                        String evidenceSha256, String decision, String comment, String decidedBy, Instant decidedAt,
                        String deviationId, String signatureKey) {
        static DecisionView of(ExceptionReviews.Decision d, ReviewException x) {
            return new DecisionView(RecordType.EXCEPTION_DISPOSITION.graphName() + ":" + d.key(), d.key(),
                    d.exceptionId(), x.exceptionClass(), d.evidenceSha256(), d.decision(), d.comment(), d.decidedBy(),
                    d.decidedAt(), d.deviationKey() == null ? null : RecordType.DEVIATION.graphName() + ":"
                    + d.deviationKey(), d.signatureKey());
        }
    }

    record ReviewQueueView(Batch batch, int treeSize, int total, int open, List<ExceptionView> all) {
    }

    record VerdictCount(Verdict verdict, int count) {
    }

    /** The queue's filter argument; verdict names are the lineage verdicts'. */
    record QueueFilterInput(List<Verdict> verdict, String search, String stage, Boolean includeDispositioned) {
    }
}
