package org.batchledger.hub.release;

import java.time.Instant;
import java.util.List;
import org.batchledger.lineage.release.CheckStatus;
import org.batchledger.lineage.release.ExceptionClass;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.release.Verdict;
import org.batchledger.schema.record.Batch;

/** The release types as the SDL names them. */
final class Views {
    private Views() {
    }

    record ReadinessView(Batch batch, boolean ready, Verdict verdict, int treeSize, List<CheckView> checks) {
    }

    record CheckView(String name, String title, CheckStatus status, String explanation, List<EvidenceView> evidence) {
    }

    record ExceptionView(String id, ExceptionClass exceptionClass, ReviewException.Severity severity, String reason,
                         List<EvidenceView> records, Instant raisedAt) {
    }

    record ReviewQueueView(Batch batch, int treeSize, int total, List<ExceptionView> all) {
    }

    record VerdictCount(Verdict verdict, int count) {
    }

    /** The queue's filter argument; verdict names are the lineage verdicts'. */
    record QueueFilterInput(List<Verdict> verdict, String search, String stage, Boolean includeDispositioned) {
    }
}
