package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ingest.UnlinkedResults;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.SourceFile;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result that names only a sample is linked to the one Lot or Batch of its sample's key, whichever order they
 * arrive in, never while both exist; the ledger verifies throughout, and a forged or deleted link is a finding.
 */
@Tag("REQ-INGEST-013")
@Tag("REQ-INGEST-011")
class SampleLinkIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private final FileIngests ingests = new FileIngests(new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC())));
    private int files;
    @TempDir
    Path keys;

    @BeforeEach
    void empty() {
        NEO4J.clean();
    }

    @Test
    void aResultFirstIsLinkedWhenItsLotArrives() {
        ingest(result());
        assertThat(unlinked()).containsExactly("x:TR-1");
        assertThat(onEdges()).isEmpty();
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items())
                .as("listed as an unlinked result, not as a waiting reference").isEmpty();
        assertVerifies();

        ingest(material(), lot());

        assertThat(onEdges()).containsExactly("x:TR-1 -> Lot x:SAMPLE-9");
        assertThat(unlinked()).isEmpty();
        assertVerifies();
    }

    @Test
    void aLotFirstIsLinkedAtOnceAndABatchInTheSameFileAsTheResultToo() {
        ingest(material(), lot());
        ingest(result());
        assertThat(onEdges()).containsExactly("x:TR-1 -> Lot x:SAMPLE-9");
        assertThat(unlinked()).isEmpty();

        TestResult other = new TestResult("x:TR-2", null, "B-7", "assay", "HPLC", "99.0", "%", 98.0, 102.0,
                TestResult.TestOutcome.PASS, T0, "lab", provenance("/Result[2]"));
        ingest(other, batch("x:B-7"));
        assertThat(onEdges()).containsExactly("x:TR-1 -> Lot x:SAMPLE-9", "x:TR-2 -> Batch x:B-7");
        assertVerifies();
    }

    @Test
    void aLotAndABatchOfTheSampleKeyAreAmbiguousSoNeitherIsLinked() {
        ingest(material(), lot(), batch("x:SAMPLE-9"));
        ingest(result());

        assertThat(onEdges()).isEmpty();
        assertThat(unlinked()).containsExactly("x:TR-1");
        assertVerifies();
    }

    @Test
    void aLinkMadeWhileOnlyTheLotExistedIsUndoneWhenABatchOfTheSameKeyArrives() {
        ingest(result());
        ingest(material(), lot());
        assertThat(onEdges()).hasSize(1);

        ingest(batch("x:SAMPLE-9"));

        assertThat(onEdges()).isEmpty();
        assertThat(unlinked()).containsExactly("x:TR-1");
        assertVerifies();
    }

    @Test
    void aDeletedSampleLinkIsAFinding() {
        ingest(result());
        ingest(material(), lot());
        attack("MATCH (:TestResult {key: 'x:TR-1'})-[e:ON]->() DELETE e");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches().toString()).contains("x:TR-1").contains("ON -> [Lot] x:SAMPLE-9");
    }

    @Test
    void aForgedLinkOfAnAmbiguousResultIsAFinding() {
        ingest(material(), lot(), batch("x:SAMPLE-9"));
        ingest(result());
        attack("MATCH (t:TestResult {key: 'x:TR-1'}), (l:Lot {key: 'x:SAMPLE-9'}) CREATE (t)-[:ON]->(l)");

        LedgerReport report = verify();

        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches().toString()).contains("x:TR-1").contains("ON -> [Lot] x:SAMPLE-9");
    }

    @Test
    void aResultRecordedBeforeSampleLinkingIsLinkedByTheMigrationAtStart() {
        ingest(result());
        attack("MATCH (p:PendingReference) DELETE p"); // as the writer left it before results were linked by sample
        ingest(material(), lot());
        assertThat(onEdges()).isEmpty();
        assertThat(verify().ok()).as("the rule expects the edge").isFalse();

        Migrations.apply(NEO4J.db());
        Migrations.apply(NEO4J.db());

        assertThat(onEdges()).containsExactly("x:TR-1 -> Lot x:SAMPLE-9");
        assertThat(unlinked()).isEmpty();
        assertVerifies();
    }

    private void ingest(LedgerRecord... records) {
        String sha = String.format("%064x", ++files);
        SourceFile file = new SourceFile("sha256:" + sha, "f" + files + ".csv", "text/csv", 10, "test",
                new Provenance("ingest:test", null, "ingest-adapter", T0, T0));
        ingests.ingest(new FileIngestRequest(file, List.of(records), SmallPlant.OPERATOR, "ingest", false));
    }

    private static TestResult result() {
        return new TestResult("x:TR-1", null, "SAMPLE-9", "assay", "HPLC", "99.1", "%", 98.0, 102.0,
                TestResult.TestOutcome.PASS, T0, "lab", provenance("/Result[1]"));
    }

    private static Material material() {
        return new Material("x:M-1", "Carbon", Material.MaterialKind.RAW_MATERIAL, "kg", provenance("/Material[1]"));
    }

    private static Lot lot() {
        return new Lot("x:SAMPLE-9", "x:M-1", Lot.LotStatus.IN_STOCK, null, null, null, null, null,
                provenance("/Lot[1]"));
    }

    private static Batch batch(String key) {
        return new Batch(key, "x:M-1", "granulation", Batch.BatchStatus.IN_PROCESS, null, T0, null,
                provenance("/Batch[1]"));
    }

    private static Provenance provenance(String locator) {
        return new Provenance("ingest:test", locator, "ingest-adapter", T0, T0);
    }

    private void assertVerifies() {
        LedgerReport report = verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
    }

    private LedgerReport verify() {
        return new LedgerVerifier(NEO4J.db(), NoteVerifier.of(SmallPlant.signer(keys).verifierKey())).verify(null);
    }

    private static void attack(String cypher) {
        try (var s = NEO4J.driver().session()) {
            s.executeWrite(tx -> tx.run(cypher).consume());
        }
    }

    private static List<String> unlinked() {
        return new UnlinkedResults(NEO4J.db()).page(new PageRequest(10, null)).items().stream()
                .map(TestResult::key).toList();
    }

    private static List<String> onEdges() {
        return NEO4J.db().read(tx -> tx.run("""
                MATCH (t:TestResult)-[:ON]->(m) RETURN t.key + ' -> ' + labels(m)[0] + ' ' + m.key AS e ORDER BY e""",
                Map.of()).list(r -> r.get("e").asString()));
    }
}
