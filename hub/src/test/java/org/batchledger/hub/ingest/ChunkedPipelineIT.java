package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.batchledger.hub.HubProperties;
import org.batchledger.ingest.Adapters;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.ChunkedIngest;
import org.batchledger.lineage.write.FileIngestRequest;
import org.batchledger.lineage.write.LedgeredWrite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline without HTTP over a small chunk size: a file is streamed into the spool and written in several
 * chunks yet ingested as one (one ledger range, verifiable); a file above the record limit, or naming a key twice,
 * is refused before anything is written; a file sent while another holds the ledger's lease is answered BUSY.
 */
@Tag("REQ-INGEST-300")
@Tag("REQ-INGEST-308")
class ChunkedPipelineIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Actor ACTOR = Actor.system("pipeline-test");
    private static final int MAX_RECORDS = 60;
    private final LedgeredWrite unitOfWork = new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC()),
            Clock.systemUTC(), Duration.ofMillis(300), Duration.ofMinutes(5), "pipeline-test");
    @TempDir
    Path data;
    @TempDir
    Path keys;
    private IngestPipeline pipeline;

    @BeforeEach
    void fresh() {
        NEO4J.clean();
        pipeline = new IngestPipeline(new IngestSettings(null, MAX_RECORDS, "site", null, 7),
                new HubProperties(data, null, null, null), Adapters.installed(), unitOfWork,
                JsonMapper.builder().build(), NEO4J.db());
    }

    @Test
    void aFileOfManyChunksIsIngestedAsOneRangeAndTheSpoolIsEmptiedAfter() throws Exception {
        IngestReport report = ingest("lots.txt", lots(50));

        assertThat(report.status()).as("%s", report.errors()).isEqualTo(IngestReport.Status.INGESTED);
        assertThat(report.counts()).containsEntry("Lot", 50).containsEntry("Material", 1)
                .containsEntry("SourceFile", 1);
        assertThat(report.firstSeq()).isEqualTo(1);
        assertThat(report.lastSeq()).isEqualTo(52);
        assertThat(head()).isEqualTo(52);
        try (Stream<Path> left = Files.list(data.resolve("ingest").resolve("spool"))) {
            assertThat(left).isEmpty();
        }
        LedgerReport verified = new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey()))
                .verify(null);
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.ok()).isTrue();
    }

    @Test
    void aFileAboveTheRecordLimitIsRefusedBeforeAnythingIsWritten() throws Exception {
        IngestReport report = ingest("many.txt", lots(MAX_RECORDS));

        assertThat(report.status()).isEqualTo(IngestReport.Status.REFUSED);
        assertThat(report.errors()).extracting(IngestReport.Finding::rule).containsExactly("INGEST-RECORD-LIMIT");
        assertThat(head()).isZero();
        assertThat(nodes()).isZero();
    }

    @Test
    @Tag("REQ-INGEST-309")
    void aKeyRepeatedInTheFileIsRefusedNamingBothPlacesBeforeAnythingIsWritten() throws Exception {
        IngestReport report = ingest("twice.txt", TestLinesAdapter.MAGIC + "\nMaterial|M|m\nLot|L1|M\nLot|L2|M\n"
                + "Lot|L1|M\n");

        assertThat(report.status()).isEqualTo(IngestReport.Status.REFUSED);
        IngestReport.Finding f = report.errors().getFirst();
        assertThat(f.rule()).isEqualTo("KEY-REPEATED");
        assertThat(f.locator()).isEqualTo("line 5");
        assertThat(f.message()).contains("first at line 3");
        assertThat(nodes()).isZero();
    }

    @Test
    @Tag("REQ-INGEST-303")
    void aFileSentWhileAnotherHoldsTheLedgersLeaseIsAnsweredBusyAndWritesNothing() throws Exception {
        try (ChunkedIngest other = ChunkedIngest.begin(unitOfWork, new FileIngestRequest.Header("sha256:" + "f".repeat(64),
                "other.xml", ACTOR, "other", false), "digest")) {
            IngestReport report = ingest("lots.txt", lots(3));

            assertThat(report.status()).isEqualTo(IngestReport.Status.BUSY);
            assertThat(report.errors().getFirst().rule()).isEqualTo("LEDGER-BUSY");
            assertThat(report.errors().getFirst().message())
                    .startsWith("ledger busy: ingest of other.xml in progress");
        }
        assertThat(nodes()).isZero();
        assertThat(ingest("lots.txt", lots(3)).status()).isEqualTo(IngestReport.Status.INGESTED);
    }

    private IngestReport ingest(String name, String content) {
        return pipeline.ingest(new Upload(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), name,
                null, null, null, false, ACTOR, "test"));
    }

    private static String lots(int n) {
        StringBuilder s = new StringBuilder(TestLinesAdapter.MAGIC + "\nMaterial|CRBN0001|Carbon black\n");
        for (int i = 0; i < n; i++) {
            s.append("Lot|LOT-").append(i).append("|CRBN0001\n");
        }
        return s.toString();
    }

    private static long head() {
        return NEO4J.db().read(tx -> LedgerHead.read(tx).seq());
    }

    private static long nodes() {
        return NEO4J.db().read(tx -> tx.run("MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:LedgerHead "
                + "RETURN count(n) AS n", Map.of()).single().get("n").asLong());
    }
}
