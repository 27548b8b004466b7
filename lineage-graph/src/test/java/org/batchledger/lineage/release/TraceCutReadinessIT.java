package org.batchledger.lineage.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.release.ReleaseTestSupport.check;

import java.nio.file.Path;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.release.ReleaseReadiness.Evaluation;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.batchledger.schema.record.Lot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A genealogy cut by the trace limits makes readiness INCOMPLETE with the reason, never ready. */
@Tag("REQ-RELEASE-005")
class TraceCutReadinessIT {
    @TempDir
    Path keys;

    private static Evaluation evaluate(TraceLimits limits) {
        return ReleaseTestSupport.readiness(ReleasePlant.specifications(), limits)
                .evaluate(ReleasePlant.BATCH, new AsOf(ReleaseTestSupport.head())).orElseThrow();
    }

    @Test
    void aTraceCutByHopsIsIncompleteWithTheLimitNamedAndTheBatchIsNotReady() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready());

        Evaluation e = evaluate(TraceLimits.of(2, 1000));

        ReadinessCheck upstream = check(e, "upstream-released");
        assertThat(upstream.status()).isEqualTo(CheckStatus.INCOMPLETE);
        assertThat(upstream.explanation()).isEqualTo("The upstream genealogy of batch rp:B-TAB was cut by the trace "
                + "limit HOP_LIMIT (maxHops 2, maxNodes 1000) after 2 lots and batches, so unreleased inputs beyond it"
                + " cannot be excluded.");
        assertThat(check(e, "deviations-closed").status()).isEqualTo(CheckStatus.INCOMPLETE);
        assertThat(e.readiness().verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(e.readiness().ready()).isFalse();
    }

    @Test
    void aTraceCutByTheNodeBudgetStillNamesWhatItFoundUnreleased() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready()
                .with(ReleasePlant.lot(ReleasePlant.LOT_GRANULATE, "rp:MAT-GRN", Lot.LotStatus.REJECTED)));

        ReadinessCheck upstream = check(evaluate(TraceLimits.of(25, 2)), "upstream-released");

        assertThat(upstream.status()).isEqualTo(CheckStatus.INCOMPLETE);
        assertThat(upstream.explanation()).contains("NODE_BUDGET")
                .endsWith("; besides, Lot rp:LOT-GRN (Paracetamol granulate) is in REJECTED.");
    }

    @Test
    void withinTheLimitsTheSameBatchIsReady() {
        new ReleaseTestSupport(keys).write(ReleasePlant.ready());

        assertThat(evaluate(TraceLimits.of(3, 5)).readiness().ready()).isTrue();
    }
}
