package org.batchledger.verifier.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The verifier's downstream walk, which recall-impact compares with a recall's stated affected set. */
@Tag("REQ-EVIDENCE-039")
class DownstreamWalkTest {
    private static final List<GenealogyCheck.Edge> EDGES = List.of(
            new GenealogyCheck.Edge("Lot:raw", "Batch:b1", 10),
            new GenealogyCheck.Edge("Lot:other", "Batch:b1", 11),
            new GenealogyCheck.Edge("Batch:b1", "Lot:l1", 12),
            new GenealogyCheck.Edge("Lot:l1", "Batch:b2", 13),
            new GenealogyCheck.Edge("Batch:b2", "Lot:l2", 20));

    @Test
    void followsEdgesOutOfReachedNodesWithTheirHops() {
        GenealogyCheck.Walk w = GenealogyCheck.walk("Lot:raw", EDGES, 100, true, 50, 1_000_000);
        assertThat(w.nodes()).containsExactly("Batch:b1", "Batch:b2", "Lot:l1", "Lot:l2", "Lot:raw");
        assertThat(w.edges()).doesNotContain("Lot:other>Batch:b1").hasSize(4);
        assertThat(w.hops()).containsEntry("Batch:b2", 3).containsEntry("Lot:l2", 4);
        assertThat(w.cut()).isNull();
    }

    @Test
    void isPinnedToTheTreeSizeAndCutByItsLimits() {
        assertThat(GenealogyCheck.walk("Lot:raw", EDGES, 19, true, 50, 1_000_000).nodes()).doesNotContain("Lot:l2");
        assertThat(GenealogyCheck.walk("Lot:raw", EDGES, 100, true, 2, 1_000_000).cut()).isEqualTo("HOP_LIMIT");
        assertThat(GenealogyCheck.walk("Lot:raw", EDGES, 100, true, 50, 3).cut()).isEqualTo("NODE_BUDGET");
    }
}
