package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.ingest.SourceFiles;
import org.batchledger.lineage.ingest.UnlinkedResults;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.RecordFilter;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file written in chunks under the ingest lease: invisible to every read until its publish, other writers wait
 * and then fail typed, strictness and refused chunks leave nothing, a dead owner's lease is recovered by the next
 * writer, and the ledger verifies in the middle of an ingest, after it and after every recovery.
 */
@Tag("REQ-INGEST-300")
class ChunkedIngestIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor();
    private final LedgeredWrite unitOfWork = unitOfWork(Duration.ofMillis(400), Duration.ofMinutes(5));
    @TempDir
    Path keys;

    @BeforeEach
    void empty() {
        NEO4J.clean();
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private static LedgeredWrite unitOfWork(Duration busyWait, Duration ttl) {
        return new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()), Clock.systemUTC(), busyWait, ttl,
                "test-instance");
    }

    @Test
    @Tag("REQ-INGEST-301")
    @Tag("REQ-INGEST-302")
    void nothingOfAChunkedFileIsVisibleToAnyReadUntilItIsPublishedAndThenAllOfItIs() {
        RecordWriter writer = new RecordWriter(unitOfWork);
        writer.write(WriteRequest.of(List.of(
                new Material("big:OLD-M", "m", Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("/m")),
                SmallPlant.lot("big:OLD", "big:OLD-M")), SmallPlant.OPERATOR, "before"));
        long before = head();
        BigFile file = new BigFile("1".repeat(64), 30);
        List<List<LedgerRecord>> chunks = new ArrayList<>(file.chunks(25, true));
        // a consumption of a published lot, a result naming only a sample, a reference open at the publish
        chunks.add(List.of(
                new org.batchledger.schema.record.Consumption("big:C-OLD", "big:OLD", "big:B-0", 1.0, "kg", "s", BigFile.T,
                        at(file, "/C-OLD")),
                new TestResult("big:TR-SAMPLE", null, "S-1", "assay", null, "1", "%", null, null,
                        TestResult.TestOutcome.PASS, BigFile.T, "ana", at(file, "/TR-S")),
                new TestResult("big:TR-OPEN", new RecordRef(RecordType.LOT, "big:NOT-YET"), null, "assay", null, "1",
                        "%", null, null, TestResult.TestOutcome.PASS, BigFile.T, "ana", at(file, "/TR-O"))));

        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        for (List<LedgerRecord> chunk : chunks) {
            ingest.write(chunk);
            assertNothingVisible(before);
        }
        assertThat(ingest.lease().stagedSeq()).as("entries staged beyond the head").isGreaterThan(before + 90);
        assertVerifies(before);

        FileIngestReceipt receipt = ingest.publish();

        assertThat(receipt.firstSeq()).isEqualTo(before + 1);
        assertThat(head()).isEqualTo(receipt.lastSeq());
        assertThat(receipt.counts()).containsEntry(RecordType.LOT, 30).containsEntry(RecordType.CONSUMPTION, 31)
                .containsEntry(RecordType.SOURCE_FILE, 1);
        assertThat(receipt.pending()).extracting(PendingReference::target)
                .containsExactly(new RecordRef(RecordType.LOT, "big:NOT-YET"));
        RecordQueries records = new RecordQueries(NEO4J.db());
        assertThat(records.byKey(RecordType.LOT, "big:LOT-7")).isPresent();
        assertThat(new Neighbours(NEO4J.db()).all(Neighbours.Hop.LOT_CONSUMED_BY, List.of("big:OLD")).get("big:OLD"))
                .hasSize(1);
        assertThat(traceFromOld(GenealogyTraversal.hopByHop(NEO4J.db())).nodes()).hasSize(2);
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).hasSize(1);
        assertThat(new UnlinkedResults(NEO4J.db()).page(new PageRequest(10, null)).items()).hasSize(1);
        assertThat(count("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")).isZero();
        assertThat(count("MATCH ()-[r]->() WHERE r.supersededAtSeq = 0 RETURN count(r) AS n")).isZero();
        assertVerifies(receipt.lastSeq());
    }

    private void assertNothingVisible(long head) {
        RecordQueries records = new RecordQueries(NEO4J.db());
        Neighbours neighbours = new Neighbours(NEO4J.db());
        assertThat(head()).as("the head does not move").isEqualTo(head);
        assertThat(records.byKey(RecordType.LOT, "big:LOT-0")).isEmpty();
        assertThat(records.byKey(RecordType.LOT, "big:LOT-0", new AsOf(head))).isEmpty();
        assertThat(records.byRefs(List.of(new RecordRef(RecordType.BATCH, "big:B-0")))).isEmpty();
        assertThat(records.page(RecordType.LOT, RecordFilter.none(), new PageRequest(100, null)).items())
                .extracting(LedgerRecord::key).containsExactly("big:OLD");
        assertThat(neighbours.all(Neighbours.Hop.MATERIAL_LOTS, List.of("big:M", "big:OLD-M")).values())
                .allSatisfy(l -> assertThat(l).extracting(LedgerRecord::key).containsOnly("big:OLD"));
        assertThat(neighbours.all(Neighbours.Hop.LOT_CONSUMED_BY, List.of("big:OLD")).getOrDefault("big:OLD",
                List.of())).isEmpty();
        assertThat(neighbours.all(Neighbours.Hop.BATCH_INPUTS, List.of("big:B-0")).getOrDefault("big:B-0",
                List.of())).isEmpty();
        assertThat(traceFromOld(GenealogyTraversal.hopByHop(NEO4J.db())).nodes()).hasSize(1);
        assertThat(traceFromOld(new GenealogyTraversal(NEO4J.db())).nodes()).hasSize(1);
        assertThat(GenealogyTraversal.hopByHop(NEO4J.db()).trace(new RecordRef(RecordType.LOT, "big:LOT-0"),
                TraceDirection.DOWNSTREAM, limits())).isEmpty();
        assertThat(new SourceFiles(NEO4J.db()).byKeys(List.of("sha256:" + "1".repeat(64)))).isEmpty();
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).isEmpty();
        assertThat(new UnlinkedResults(NEO4J.db()).page(new PageRequest(10, null)).items()).isEmpty();
    }

    private static TraceResult traceFromOld(GenealogyTraversal traversal) {
        return traversal.trace(new RecordRef(RecordType.LOT, "big:OLD"), TraceDirection.DOWNSTREAM, limits())
                .orElseThrow();
    }

    private static TraceLimits limits() {
        return new TraceLimits(5, 1000, Duration.ofSeconds(10));
    }

    @Test
    @Tag("REQ-INGEST-303")
    void anotherWriterWaitsForTheLeaseThenFailsTypedNamingTheFileAndWritesNothing() {
        BigFile file = new BigFile("2".repeat(64), 5);
        try (ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest())) {
            ingest.write(file.chunks(10, true).getFirst());
            long started = System.nanoTime();

            assertThatThrownBy(() -> new RecordWriter(unitOfWork).write(WriteRequest.of(List.of(
                    new Material("x:M2", "m", Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("/m"))),
                    SmallPlant.OPERATOR, "meanwhile")))
                    .isInstanceOf(LedgerBusyException.class)
                    .hasMessageStartingWith("ledger busy: ingest of big.xml in progress");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            assertThatThrownBy(() -> ChunkedIngest.begin(unitOfWork, new BigFile("3".repeat(64), 1).header(false), "x"))
                    .isInstanceOf(LedgerBusyException.class);
        }
        assertThat(count("MATCH (n:Material {key: 'x:M2'}) RETURN count(n) AS n")).isZero();
        assertThat(head()).isZero();
    }

    @Test
    @Tag("REQ-INGEST-303")
    void aWriterThatWaitsWithinItsDeadlineIsWrittenAfterThePublish() throws Exception {
        BigFile file = new BigFile("4".repeat(64), 5);
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        file.chunks(8, true).forEach(ingest::write);
        LedgeredWrite patient = unitOfWork(Duration.ofSeconds(30), Duration.ofMinutes(5));
        CompletableFuture<WriteReceipt> waiting = CompletableFuture.supplyAsync(() -> new RecordWriter(patient).write(
                WriteRequest.of(List.of(new Material("x:M3", "m", Material.MaterialKind.RAW_MATERIAL, "kg",
                        SmallPlant.provenance("/m"))), SmallPlant.OPERATOR, "meanwhile")), POOL);
        Thread.sleep(300);
        assertThat(waiting).isNotDone();

        FileIngestReceipt published = ingest.publish();

        WriteReceipt later = waiting.get(30, TimeUnit.SECONDS);
        assertThat(later.firstSeq()).isEqualTo(published.lastSeq() + 1);
        assertVerifies(later.lastSeq());
    }

    @Test
    @Tag("REQ-INGEST-304")
    void aStrictFileWithAReferenceStillOpenAtThePublishIsRefusedAndLeavesNothing() {
        BigFile file = new BigFile("5".repeat(64), 4);
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(true), file.digest());
        ingest.write(file.chunks(100, false).getFirst());

        assertThatThrownBy(ingest::publish).isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field materialKey: refers to Material:big:M, which is neither in this file");
        ingest.close();

        assertEmpty();
    }

    @Test
    @Tag("REQ-INGEST-304")
    void aRefusedChunkLeavesNothingOfTheFileAndTheSameFileThenIngests() {
        new RecordWriter(unitOfWork).write(WriteRequest.of(List.of(new Material("big:M", "other content",
                Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("/m"))), SmallPlant.OPERATOR, "first"));
        long before = head();
        BigFile file = new BigFile("6".repeat(64), 40);
        List<List<LedgerRecord>> chunks = file.chunks(30, false);
        List<LedgerRecord> clash = new ArrayList<>(chunks.get(2));
        clash.add(new Material("big:M", "m", Material.MaterialKind.RAW_MATERIAL, "kg", at(file, "/M")));
        try (ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest())) {
            ingest.write(chunks.get(0));
            ingest.write(chunks.get(1));
            assertThatThrownBy(() -> ingest.write(clash)).isInstanceOf(InvalidRecordsException.class)
                    .hasMessageContaining("already recorded with other content");
        }
        assertThat(head()).isEqualTo(before);
        assertThat(count("MATCH (n) WHERE n.ledgerSeq > " + before + " RETURN count(n) AS n")).isZero();
        assertVerifies(before);

        try (ChunkedIngest again = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest())) {
            file.chunks(30, false).forEach(again::write);
            assertThat(again.publish().lastSeq()).isEqualTo(before + 1 + 40 * 4);
        }
        assertVerifies(before + 1 + 40 * 4);
    }

    @Test
    @Tag("REQ-INGEST-305")
    void aLeaseWhoseOwnerStoppedRenewingItIsRecoveredByTheNextWriter() throws Exception {
        BigFile file = new BigFile("7".repeat(64), 300);
        ChunkedIngest abandoned = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        file.chunks(400, true).stream().limit(2).forEach(abandoned::write);
        assertThat(abandoned.lease().stagedSeq()).as("more than a bundle staged").isGreaterThan(700);
        Thread.sleep(400);

        LedgeredWrite next = unitOfWork(Duration.ofSeconds(5), Duration.ofMillis(300));
        WriteReceipt written = new RecordWriter(next).write(WriteRequest.of(List.of(new Material("x:M4", "m",
                Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("/m"))), SmallPlant.OPERATOR, "next"));

        assertThat(written.firstSeq()).as("the abandoned entries are gone").isEqualTo(1);
        assertThat(count("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")).isZero();
        assertThat(count("MATCH (b:LedgerBundle) RETURN count(b) AS n")).isEqualTo(1);
        assertThatThrownBy(() -> abandoned.write(file.chunks(400, true).get(2)))
                .isInstanceOf(IngestLeaseLostException.class);
        assertVerifies(1);
    }

    @Test
    @Tag("REQ-INGEST-306")
    void aPublishedRecordWaitingForARecordOfTheFileIsLinkedAtThePublishAndNotBefore() {
        BigFile file = new BigFile("8".repeat(64), 3);
        FileIngests single = new FileIngests(unitOfWork);
        single.ingest(new FileIngestRequest(new BigFile("9".repeat(64), 0).sourceFile(), List.of(new Lot("big:EARLY",
                "big:M", Lot.LotStatus.IN_STOCK, null, null, null, null, null, at(new BigFile("9".repeat(64), 0),
                "/Lot"))), SmallPlant.OPERATOR, "early", false));
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        file.chunks(5, true).forEach(ingest::write);
        assertThat(count("MATCH (:Lot {key: 'big:EARLY'})-[:OF]->() RETURN count(*) AS n")).isZero();
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).hasSize(1);

        ingest.publish();

        assertThat(count("MATCH (:Lot {key: 'big:EARLY'})-[:OF]->(:Material {key: 'big:M'}) RETURN count(*) AS n"))
                .isEqualTo(1);
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).isEmpty();
        assertVerifies(head());
    }

    @Test
    @Tag("REQ-INGEST-307")
    void theSameFileAfterItsPublishIsAReplayThatWritesNothing() {
        BigFile file = new BigFile("a".repeat(64), 3);
        ChunkedIngest first = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        file.chunks(5, true).forEach(first::write);
        FileIngestReceipt published = first.publish();

        ChunkedIngest again = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());

        assertThat(again.replayed()).isTrue();
        assertThat(again.publish().lastSeq()).isEqualTo(published.lastSeq());
        assertThat(head()).isEqualTo(published.lastSeq());
        assertThatThrownBy(() -> ChunkedIngest.begin(unitOfWork, file.header(false), "other records"))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    private void assertEmpty() {
        assertThat(head()).isZero();
        assertThat(count("MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:LedgerHead RETURN count(n) AS n")).isZero();
        assertThat(count("MATCH (h:LedgerHead) WHERE h.ingestKey IS NOT NULL RETURN count(h) AS n")).isZero();
    }

    private void assertVerifies(long entries) {
        LedgerReport report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.treeSize()).isEqualTo(entries);
    }

    private static Provenance at(BigFile file, String locator) {
        return new Provenance("file:sha256:" + file.sha(), locator, "ingest", BigFile.T, BigFile.T);
    }

    private static long head() {
        return NEO4J.db().read(tx -> LedgerHead.read(tx).seq());
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }
}
