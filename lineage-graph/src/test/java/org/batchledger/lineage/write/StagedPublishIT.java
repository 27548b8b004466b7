package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TracedNode;
import org.batchledger.lineage.ingest.SourceFiles;
import org.batchledger.lineage.ingest.UnlinkedResults;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.audit.AuditEntry;
import org.batchledger.lineage.ledger.audit.LedgerReads;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.record.Neighbours;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The publish of a chunked file only moves the head: its transaction touches no staged record, so it stays small
 * whatever the file's size, and every read decides visibility from the head ({@code Visibility}). The marks the
 * publish leaves are removed afterwards in bounded transactions; until then (and after a crash in between) every
 * read already sees the whole file, and the ledger verifies.
 */
@Tag("REQ-INGEST-310")
class StagedPublishIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor QA = new Actor("sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "ui-client");
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()),
            Clock.systemUTC(), Duration.ofMillis(400), Duration.ofMinutes(5), "test-instance");
    @TempDir
    Path keys;

    @BeforeEach
    void empty() {
        NEO4J.clean();
    }

    @Test
    void aPublishFitsATransactionMemoryLimitThatTheFilesUnmarkingWouldExceed(@TempDir Path home) {
        // a server of its own: the limit is a server setting (dynamic, but Community has no procedure to set it)
        try (LimitedServer server = LimitedServer.start(home)) {
            LedgeredWrite limited = new LedgeredWrite(server.db(), new LedgerAppender(Clock.systemUTC()),
                    Clock.systemUTC(), Duration.ofMillis(400), Duration.ofMinutes(5), "test-instance");
            BigFile file = new BigFile("a".repeat(64), 1_500);
            server.limitTransactions(8L << 20);
            ChunkedIngest ingest = ChunkedIngest.begin(limited, file.header(false), file.digest());
            for (List<LedgerRecord> chunk : file.chunks(100, true)) {
                ingest.write(chunk);
            }
            FileIngestReceipt receipt = ingest.publish(false);
            // what the publish did before (one property removal per staged element, ≈ 6 KB each) does not fit
            assertThatThrownBy(() -> server.db().write(tx -> tx.run(
                    "MATCH (n) WHERE n.supersededAtSeq = 0 REMOVE n.supersededAtSeq", Map.of()).consume()))
                    .hasStackTraceContaining("db.memory.transaction.max");
            server.limitTransactions(0L);

            assertThat(receipt.lastSeq() - receipt.firstSeq() + 1).as("entries published").isEqualTo(4L * 1_500 + 2);
            long head = server.db().read(tx -> LedgerHead.read(tx).seq());
            assertThat(head).isEqualTo(receipt.lastSeq());
            assertThat(new RecordQueries(server.db()).byKey(RecordType.LOT, "big:LOT-1499")).isPresent();
            assertThat(limited.tidy()).as("marks removed after the publish").isEqualTo(4L * 1_500 + 2);
            long marks = server.db().read(tx -> tx.run("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n",
                    Map.of()).single().get("n").asLong());
            assertThat(marks).isZero();
        }
    }

    /** An embedded Neo4j whose transaction memory limit the test sets ({@code db.memory.transaction.max}). */
    private record LimitedServer(DatabaseManagementService dbms, Driver driver, GraphDatabase db)
            implements AutoCloseable {
        static LimitedServer start(Path home) {
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            SocketAddress bolt = new SocketAddress("127.0.0.1", port);
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, bolt)
                    .setConfig(BoltConnector.advertised_address, bolt)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .build();
            Driver driver = org.neo4j.driver.GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.none());
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            return new LimitedServer(dbms, driver, db);
        }

        void limitTransactions(long bytes) {
            ((GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)).getDependencyResolver()
                    .resolveDependency(Config.class)
                    .setDynamic(GraphDatabaseSettings.memory_transaction_max_size, bytes, "StagedPublishIT");
        }

        @Override
        public void close() {
            driver.close();
            dbms.shutdown();
        }
    }

    @Test
    @Tag("REQ-INGEST-311")
    void everyReadSeesAPublishedFileAtOnceWhetherOrNotItsMarksAreTidied() {
        RecordWriter writer = new RecordWriter(unitOfWork);
        writer.write(WriteRequest.of(List.of(new org.batchledger.schema.record.Material("big:OLD-M", "m",
                        org.batchledger.schema.record.Material.MaterialKind.RAW_MATERIAL, "kg", SmallPlant.provenance("/m")),
                SmallPlant.lot("big:OLD", "big:OLD-M")), SmallPlant.OPERATOR, "before"));
        long before = head();
        BigFile file = new BigFile("b".repeat(64), 20);
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        for (List<LedgerRecord> chunk : file.chunks(20, true)) {
            ingest.write(chunk);
        }
        ingest.write(List.of(
                new org.batchledger.schema.record.Consumption("big:C-OLD", "big:OLD", "big:B-0", 1.0, "kg", "s",
                        BigFile.T, at(file, "/C-OLD")),
                new TestResult("big:TR-SAMPLE", null, "S-1", "assay", null, "1", "%", null, null,
                        TestResult.TestOutcome.PASS, BigFile.T, "ana", at(file, "/TR-S")),
                new TestResult("big:TR-OPEN", new RecordRef(RecordType.LOT, "big:NOT-YET"), null, "assay", null, "1",
                        "%", null, null, TestResult.TestOutcome.PASS, BigFile.T, "ana", at(file, "/TR-O"))));
        assertReads(before, false);

        FileIngestReceipt receipt = ingest.publish(false);

        assertThat(marks()).as("marks left for the tidy").isGreaterThan(80);
        assertReads(receipt.lastSeq(), true);
        assertVerifies(receipt.lastSeq());
        // the process died before its tidy: the next start finishes it
        assertThat(unitOfWork.recoverAtStart()).isEmpty();
        assertThat(marks()).isZero();
        assertReads(receipt.lastSeq(), true);
        assertVerifies(receipt.lastSeq());
    }

    @Test
    @Tag("REQ-INGEST-312")
    void aCorrectionOfARecordStillMarkedSupersedesItAndTheTidyKeepsThat() {
        BigFile file = new BigFile("c".repeat(64), 5);
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, file.header(false), file.digest());
        file.chunks(50, true).forEach(ingest::write);
        FileIngestReceipt receipt = ingest.publish(false);

        var corrected = new RecordCorrector(unitOfWork).correct(new CorrectionRequest(RecordType.LOT, "big:LOT-2",
                Map.of("quantity", 2.5), QA, "transcription error", UUID.randomUUID().toString()));
        assertThat(corrected.version()).isEqualTo(2);
        unitOfWork.tidy();

        RecordQueries records = new RecordQueries(NEO4J.db());
        assertThat(records.<Lot>byKey(RecordType.LOT, "big:LOT-2").orElseThrow().quantity()).isEqualTo(2.5);
        assertThat(records.<Lot>byKey(RecordType.LOT, "big:LOT-2", new AsOf(receipt.lastSeq())).orElseThrow()
                .quantity()).isEqualTo(1.0);
        assertThat(count("MATCH (n:Lot {key: 'big:LOT-2', version: 1}) RETURN n.supersededAtSeq AS n"))
                .isEqualTo(receipt.lastSeq() + 1);
        assertThat(marks()).isZero();
        assertVerifies(receipt.lastSeq() + 1);
    }

    // Current and as-of reads, pages, neighbours, traces over the driver and by the server procedure, source files,
    // the review queue and the ledger's audit trail: all of the file or none of it.
    private void assertReads(long head, boolean published) {
        RecordQueries records = new RecordQueries(NEO4J.db());
        Neighbours neighbours = new Neighbours(NEO4J.db());
        assertThat(head()).isEqualTo(head);
        assertThat(records.byKey(RecordType.LOT, "big:LOT-7").isPresent()).isEqualTo(published);
        assertThat(records.byKey(RecordType.LOT, "big:LOT-7", new AsOf(head)).isPresent()).isEqualTo(published);
        assertThat(records.byRefs(List.of(new RecordRef(RecordType.BATCH, "big:B-0")))).hasSize(published ? 1 : 0);
        assertThat(records.page(RecordType.LOT, org.batchledger.lineage.record.RecordFilter.none(),
                new PageRequest(100, null)).items()).hasSize(published ? 21 : 1);
        assertThat(neighbours.all(Neighbours.Hop.LOT_CONSUMED_BY, List.of("big:OLD")).getOrDefault("big:OLD",
                List.of())).hasSize(published ? 1 : 0);
        assertThat(neighbours.all(Neighbours.Hop.BATCH_INPUTS, List.of("big:B-0")).getOrDefault("big:B-0",
                List.of())).hasSize(published ? 2 : 0);
        for (GenealogyTraversal traversal : List.of(GenealogyTraversal.hopByHop(NEO4J.db()),
                new GenealogyTraversal(NEO4J.db()))) {
            assertThat(traversal.trace(new RecordRef(RecordType.LOT, "big:OLD"), TraceDirection.DOWNSTREAM, limits())
                    .orElseThrow().nodes()).extracting(TracedNode::ref).hasSize(published ? 2 : 1);
            assertThat(traversal.trace(new RecordRef(RecordType.LOT, "big:LOT-3"), TraceDirection.DOWNSTREAM,
                    limits()).isPresent()).isEqualTo(published);
            assertThat(traversal.trace(new RecordRef(RecordType.LOT, "big:LOT-3"), TraceDirection.DOWNSTREAM,
                    limits(), new AsOf(head)).isPresent()).isEqualTo(published);
        }
        assertThat(serverTrace("big:OLD")).hasSize(published ? 2 : 1);
        assertThat(serverTrace("big:LOT-3")).hasSize(published ? 2 : 0);
        assertThat(new SourceFiles(NEO4J.db()).byKeys(List.of("sha256:" + "b".repeat(64)))).hasSize(published ? 1 : 0);
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).hasSize(published ? 1 : 0);
        assertThat(new UnlinkedResults(NEO4J.db()).page(new PageRequest(10, null)).items()).hasSize(published ? 1 : 0);
        assertThat(new LedgerReads(NEO4J.db()).auditTrail(RecordType.LOT, "big:LOT-7", new PageRequest(10, null))
                .items()).extracting(AuditEntry::entityKey).hasSize(published ? 1 : 0);
    }

    // the procedure itself, whatever the traversal chose
    private static List<Object> serverTrace(String lot) {
        return NEO4J.db().read(tx -> {
            var rows = tx.run("CALL " + GenealogyTraversal.PROCEDURE
                            + "('Lot', $key, 'DOWNSTREAM', 5, 1000, 10000000000, null) YIELD keys RETURN keys",
                    Map.of("key", lot)).list();
            return rows.isEmpty() ? List.of() : rows.getFirst().get("keys").asList();
        });
    }

    private static TraceLimits limits() {
        return new TraceLimits(5, 1000, Duration.ofSeconds(10));
    }

    private static Provenance at(BigFile file, String locator) {
        return new Provenance("file:sha256:" + file.sha(), locator, "ingest", BigFile.T, BigFile.T);
    }

    private static long marks() {
        return count("MATCH (n) WHERE n.supersededAtSeq = 0 RETURN count(n) AS n")
                + count("MATCH ()-[r]->() WHERE r.supersededAtSeq = 0 RETURN count(r) AS n");
    }

    private void assertVerifies(long entries) {
        LedgerReport report = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.treeSize()).isEqualTo(entries);
    }

    private static long head() {
        return NEO4J.db().read(tx -> LedgerHead.read(tx).seq());
    }

    private static long count(String cypher) {
        return NEO4J.db().read(tx -> tx.run(cypher, Map.of()).single().get("n").asLong());
    }
}
