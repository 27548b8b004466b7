package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.time.Duration;
import java.util.Map;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A read with a timeout (a trace's deadline) is ended by the server, and the failure is recognised as a timeout —
 * the trace then answers DEADLINE instead of an error — while other failures are not mistaken for one.
 */
@Tag("REQ-RELIABILITY-005")
@Tag("REQ-GENEALOGY-002")
class TimedReadIT {
    private static final GraphDatabase DB = Neo4jTestServer.shared().db();

    @Test
    void aReadPastItsTimeoutIsEndedByTheServerAndRecognisedAsATimeout() {
        long t0 = System.nanoTime();
        RuntimeException e = catchRuntimeException(() -> DB.read(
                tx -> tx.run("UNWIND range(1, 2000000000) AS x RETURN count(x) AS n", Map.of()).single(),
                Duration.ofMillis(200)));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(e).isNotNull();
        assertThat(GraphDatabase.isTimeout(e)).as(e.toString()).isTrue();
        // ended by the server's transaction monitor, long before two billion rows would have been counted
        assertThat(seconds).isLessThan(30);
    }

    @Test
    void aReadWithinItsTimeoutAnswersAndOtherFailuresAreNoTimeout() {
        int one = DB.read(tx -> tx.run("RETURN 1 AS one", Map.of()).single().get("one").asInt(), Duration.ofSeconds(10));
        assertThat(one).isEqualTo(1);
        RuntimeException e = catchRuntimeException(() -> DB.read(
                tx -> tx.run("RETURN 1 +", Map.of()).single(), Duration.ofSeconds(10)));
        assertThat(GraphDatabase.isTimeout(e)).isFalse();
    }
}
