package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-GENEALOGY-002, REQ-GENEALOGY-006, REQ-PERF-002: a trace that runs out of time is flagged DEADLINE, never
 * silently partial; and the server-side
 * walk answers a whole trace in one round trip, however many hops it has.
 */
@Tag("REQ-GENEALOGY-002")
@Tag("REQ-GENEALOGY-006")
@Tag("REQ-PERF-002")
class TraceDeadlineAndRoundTripsIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final RecordRef LADDER_START = new RecordRef(RecordType.LOT, "dl:L0");

    @BeforeAll
    static void load() {
        NEO4J.clean();
        NEO4J.writer().write(new WriteRequest(Reconverging.ladder("dl:", 6, 4), Actor.system("test"), "ladder", "dl"));
    }

    @Test
    void aTraceOutOfTimeIsFlaggedDeadlineAndNotComplete() {
        var noTime = new TraceLimits(50, 1_000_000, Duration.ofNanos(1));
        for (GenealogyTraversal traversal : new GenealogyTraversal[] {new GenealogyTraversal(NEO4J.db()),
                GenealogyTraversal.hopByHop(NEO4J.db())}) {
            TraceResult result = traversal.trace(LADDER_START, TraceDirection.DOWNSTREAM, noTime).orElseThrow();
            assertThat(result.complete()).isFalse();
            assertThat(result.truncatedBy()).isEqualTo(Truncation.DEADLINE);
            assertThat(result.nodes()).extracting(TracedNode::ref).containsExactly(LADDER_START);
        }
        // with time, the same trace is complete: 6 diamonds of 4 make 6 × (4 + 4 + 1 + 1) + 1 nodes
        var full = new GenealogyTraversal(NEO4J.db()).trace(LADDER_START, TraceDirection.DOWNSTREAM,
                TraceLimits.of(50, 1_000_000)).orElseThrow();
        assertThat(full.complete()).isTrue();
        assertThat(full.nodes()).hasSize(61);
    }

    @Test
    void aServerSideTraceOfManyHopsIsOneRoundTrip() {
        var traversal = new GenealogyTraversal(NEO4J.db());
        traversal.trace(LADDER_START, TraceDirection.DOWNSTREAM, TraceLimits.of(50, 1_000_000)); // learns the server has it
        long before = NEO4J.db().roundTrips();
        TraceResult result = traversal.trace(LADDER_START, TraceDirection.DOWNSTREAM, TraceLimits.of(50, 1_000_000))
                .orElseThrow();
        assertThat(result.maxHop()).isEqualTo(24);
        assertThat(NEO4J.db().roundTrips() - before).isEqualTo(1);
    }

    @Test
    void anUnknownStartIsEmptyOnBothWalks() {
        var unknown = new RecordRef(RecordType.BATCH, "dl:no-such-batch");
        assertThat(new GenealogyTraversal(NEO4J.db()).trace(unknown, TraceDirection.UPSTREAM, TraceLimits.of(5, 10)))
                .isEmpty();
        assertThat(GenealogyTraversal.hopByHop(NEO4J.db()).trace(unknown, TraceDirection.UPSTREAM, TraceLimits.of(5, 10)))
                .isEmpty();
    }
}
