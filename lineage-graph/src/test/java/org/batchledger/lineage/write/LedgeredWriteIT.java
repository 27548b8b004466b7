package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/** The one unit of work: idempotency bound to the request's content, and one linear log under any concurrency. */
@Tag("REQ-LEDGER-017")
@Tag("REQ-LEDGER-018")
class LedgeredWriteIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()));
    private final RecordWriter writer = new RecordWriter(unitOfWork);
    private final RecordCorrector corrector = new RecordCorrector(unitOfWork);

    @BeforeEach
    void signedBatch() {
        NEO4J.clean();
        SignedBatch.write(NEO4J.db(), writer);
    }

    @Test
    void aKeyReusedForOtherRecordsIsAConflictNamingTheKeyAndWritesNothing() {
        writer.write(new WriteRequest(List.of(material("t:M1", "Lactose")), SmallPlant.OPERATOR, "load", "k-1"));
        List<Long> before = SignedBatch.snapshot(NEO4J.db());

        assertThatThrownBy(() -> writer.write(new WriteRequest(List.of(material("t:M1", "Sucrose")),
                SmallPlant.OPERATOR, "load", "k-1")))
                .isInstanceOfSatisfying(IdempotencyConflictException.class,
                        e -> assertThat(e.idempotencyKey()).isEqualTo("k-1"))
                .hasMessageContaining("'k-1'");
        assertThat(SignedBatch.snapshot(NEO4J.db())).isEqualTo(before);
    }

    @Test
    void aKeyReusedForAnotherCorrectionIsAConflictAndWritesNothing() {
        corrector.correct(quantity(117.5, "k-2"));
        List<Long> before = SignedBatch.snapshot(NEO4J.db());

        assertThatThrownBy(() -> corrector.correct(quantity(99.0, "k-2")))
                .isInstanceOf(IdempotencyConflictException.class);
        assertThat(SignedBatch.snapshot(NEO4J.db())).isEqualTo(before);
    }

    @Test
    void theSameKeyWithTheSameContentReplaysTheOriginalReceipt() {
        WriteRequest request = new WriteRequest(List.of(material("t:M1", "Lactose")), SmallPlant.OPERATOR, "load",
                "k-3");
        WriteReceipt first = writer.write(request);
        WriteReceipt retry = writer.write(request);
        CorrectionReceipt corrected = corrector.correct(quantity(117.5, "k-4"));
        CorrectionReceipt again = corrector.correct(quantity(117.5, "k-4"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.firstSeq()).isEqualTo(first.firstSeq()).isEqualTo(11);
        assertThat(retry.lastSeq()).isEqualTo(first.lastSeq());
        assertThat(retry.headHash()).isEqualTo(first.headHash());
        assertThat(again.replayed()).isTrue();
        assertThat(again.seq()).isEqualTo(corrected.seq()).isEqualTo(12);
        assertThat(again.record()).isEqualTo(corrected.record());
        assertThat(SignedBatch.snapshot(NEO4J.db()).getFirst()).isEqualTo(12L);
    }

    @Test
    void commandsFromTwoDriversAndEightThreadsMakeOneLinearLogWithoutGapsOrSharedSeqs() throws Exception {
        try (Driver second = org.neo4j.driver.GraphDatabase.driver(NEO4J.uri(), AuthTokens.none())) {
            List<LedgeredWrite> units = List.of(unitOfWork,
                    new LedgeredWrite(new GraphDatabase(second, "neo4j"), new LedgerAppender(Clock.systemUTC())));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                LedgeredWrite uow = units.get(t % 2);
                for (int i = 0; i < 5; i++) {
                    String key = "t:M-" + t + "-" + i;
                    futures.add(pool.submit(() -> range(new RecordWriter(uow).write(WriteRequest.of(
                            List.of(material(key, "A"), material(key + "b", "B")), SmallPlant.OPERATOR, "load")))));
                    futures.add(pool.submit(() -> range(new RecordCorrector(uow).correct(quantity(
                            100.0 + Math.random(), UUID.randomUUID().toString())))));
                }
            }
            List<long[]> ranges = new ArrayList<>();
            for (Future<long[]> f : futures) {
                ranges.add(f.get());
            }
            pool.shutdown();

            long expected = 10 + 8 * 5 * 3;
            List<AuditEntry> entries = new LedgerReads(NEO4J.db()).entries(null, null,
                    new PageRequest(PageRequest.MAX_FIRST, null)).items();
            assertThat(entries).extracting(AuditEntry::seq)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
            String prev = LedgerEntry.GENESIS_HASH;
            for (AuditEntry e : entries) {
                assertThat(e.prevHash()).as("entry %d chains", e.seq()).isEqualTo(prev);
                prev = e.entryHash();
            }
            ranges.sort(java.util.Comparator.comparingLong(r -> r[0]));
            long next = 11;
            for (long[] r : ranges) {
                assertThat(r[0]).as("receipts cover distinct, adjacent ranges").isEqualTo(next);
                next = r[1] + 1;
            }
            assertThat(next - 1).isEqualTo(expected);
        }
    }

    private static long[] range(WriteReceipt r) {
        return new long[] {r.firstSeq(), r.lastSeq()};
    }

    private static long[] range(CorrectionReceipt r) {
        return new long[] {r.seq(), r.seq()};
    }

    private static Material material(String key, String name) {
        return new Material(key, name, Material.MaterialKind.EXCIPIENT, "kg", SmallPlant.provenance("m/" + key));
    }

    private static CorrectionRequest quantity(double quantity, String idempotencyKey) {
        return new CorrectionRequest(RecordType.LOT, "t:LOT-OUT", Map.of("quantity", quantity), SignedBatch.REVIEWER,
                "weighing transcription error", idempotencyKey);
    }
}
