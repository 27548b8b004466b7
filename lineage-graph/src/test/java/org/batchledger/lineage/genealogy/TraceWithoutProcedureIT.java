package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;

/**
 * REQ-GENEALOGY-007: against a Neo4j without the {@code batchledger.trace} procedure (an external server), the
 * traversal finds that out on its first trace, answers it hop by hop with the same result, and does not ask again.
 */
@Tag("REQ-GENEALOGY-007")
class TraceWithoutProcedureIT {
    @Test
    void aServerWithoutTheProcedureIsTracedHopByHopWithTheSameAnswerAndAskedOnlyOnce(@TempDir Path home) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, false);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            var db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            new RecordWriter(db, new LedgerAppender(Clock.systemUTC())).write(
                    new WriteRequest(Reconverging.ladder("np:", 3, 3), Actor.system("test"), "ladder", "np"));
            var start = new RecordRef(RecordType.LOT, "np:L0");
            var limits = TraceLimits.of(50, 1_000_000);
            var traversal = new GenealogyTraversal(db);

            TraceResult first = traversal.trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow();
            assertThat(first).isEqualTo(GenealogyTraversal.hopByHop(db)
                    .trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow());
            assertThat(first.complete()).isTrue();
            assertThat(first.nodes()).hasSize(25); // 3 diamonds of 3: 3 × (3 + 3 + 1 + 1) + the first lot

            long before = db.roundTrips();
            traversal.trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow();
            // one existence check and one query per hop, the last one finding nothing: no procedure call
            assertThat(db.roundTrips() - before).isEqualTo(1 + first.maxHop() + 1);
        }
    }
}
