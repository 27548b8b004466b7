package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file, one ledgered write: the records and their SourceFile all or nothing; a lot naming a material that
 * arrives in a later file is kept with its reference open and linked when the material is written, and the ledger
 * verifies before and after (the edge exists exactly when its target does).
 */
@Tag("REQ-INGEST-010")
@Tag("REQ-INGEST-011")
class FileIngestIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    private static final String LOT_FILE = "a".repeat(64);
    private static final String MAT_FILE = "b".repeat(64);
    private final FileIngests ingests = new FileIngests(new LedgeredWrite(NEO4J.db(), new LedgerAppender(Clock.systemUTC())));
    @TempDir
    Path keys;

    @BeforeEach
    void empty() {
        NEO4J.clean();
    }

    @Test
    void aLotBeforeItsMaterialIsKeptOpenThenLinkedWhenTheMaterialArrivesAndTheLedgerVerifiesThroughout() {
        FileIngestReceipt lotFile = ingests.ingest(request(LOT_FILE, false, lot("x:LOT-1", "x:CRBN0001", LOT_FILE)));

        assertThat(lotFile.counts()).containsEntry(RecordType.LOT, 1).containsEntry(RecordType.SOURCE_FILE, 1);
        assertThat(lotFile.pending()).containsExactly(new PendingReference(new RecordRef(RecordType.LOT, "x:LOT-1"),
                "materialKey", new RecordRef(RecordType.MATERIAL, "x:CRBN0001"), "/Lot[1]"));
        assertThat(edges("OF")).isZero();
        assertThat(edges("FROM")).as("the lot points at its file").isEqualTo(1);
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).hasSize(1);
        assertVerifies(2);

        FileIngestReceipt matFile = ingests.ingest(request(MAT_FILE, false, material("x:CRBN0001", MAT_FILE)));

        assertThat(matFile.pending()).isEmpty();
        assertThat(edges("OF")).as("linked when the material arrived").isEqualTo(1);
        assertThat(PendingReferences.list(NEO4J.db(), new PageRequest(10, null)).items()).isEmpty();
        assertVerifies(4);
    }

    @Test
    void aLinkedEdgeDeletedBehindTheLedgersBackIsFoundByVerification() {
        ingests.ingest(request(LOT_FILE, false, lot("x:LOT-1", "x:CRBN0001", LOT_FILE)));
        ingests.ingest(request(MAT_FILE, false, material("x:CRBN0001", MAT_FILE)));
        NEO4J.db().read(tx -> tx.run("RETURN 1", Map.of()).consume());
        try (var s = NEO4J.driver().session()) {
            s.executeWrite(tx -> tx.run("MATCH ()-[e:OF]->() DELETE e").consume());
        }

        LedgerReport report = new LedgerVerifier(NEO4J.db(), hubKey()).verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches().toString()).contains("x:LOT-1").contains("OF -> [Material] x:CRBN0001");
    }

    @Test
    void strictRefusesTheWholeFileNamingRecordLocatorAndField() {
        assertThatThrownBy(() -> ingests.ingest(request(LOT_FILE, true, lot("x:LOT-1", "x:CRBN0001", LOT_FILE))))
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("Lot:x:LOT-1 (/Lot[1]) field materialKey: refers to Material:x:CRBN0001");
        assertThat(nodes()).as("not even the SourceFile").isZero();
    }

    @Test
    void aRecordRepeatedWithTheSameContentIsSkippedAndWithOtherContentRefusesTheFile() {
        ingests.ingest(request(MAT_FILE, false, material("x:CRBN0001", MAT_FILE)));
        String third = "c".repeat(64);

        FileIngestReceipt again = ingests.ingest(request(third, false, material("x:CRBN0001", MAT_FILE)));
        Material renamed = new Material("x:CRBN0001", "Carbon black", Material.MaterialKind.RAW_MATERIAL, "kg",
                provenance("d".repeat(64), "/Material[1]"));

        assertThat(again.alreadyRecorded()).containsExactly(new RecordRef(RecordType.MATERIAL, "x:CRBN0001"));
        assertThat(again.counts()).containsOnlyKeys(RecordType.SOURCE_FILE);
        assertThatThrownBy(() -> ingests.ingest(request("d".repeat(64), false, renamed)))
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("field key: already recorded with other content");
    }

    private void assertVerifies(long entries) {
        LedgerReport report = new LedgerVerifier(NEO4J.db(), hubKey()).verify(null);
        assertThat(report.problems()).isEmpty();
        assertThat(report.recordMismatches()).isEmpty();
        assertThat(report.recordsChecked()).isEqualTo(entries);
    }

    private NoteVerifier hubKey() {
        return NoteVerifier.of(SmallPlant.signer(keys).verifierKey());
    }

    private static FileIngestRequest request(String sha, boolean strict, LedgerRecord... records) {
        SourceFile file = new SourceFile("sha256:" + sha, "f.xml", "application/xml", 10, "test",
                new Provenance("ingest:test", null, "ingest-adapter", T0, T0));
        return new FileIngestRequest(file, List.of(records), SmallPlant.OPERATOR, "ingest f.xml", strict);
    }

    private static Lot lot(String key, String material, String sha) {
        return new Lot(key, material, Lot.LotStatus.IN_STOCK, null, null, null, null, null, provenance(sha, "/Lot[1]"));
    }

    private static Material material(String key, String sha) {
        return new Material(key, "Carbon", Material.MaterialKind.RAW_MATERIAL, "kg", provenance(sha, "/Material[1]"));
    }

    private static Provenance provenance(String sha, String locator) {
        return new Provenance("file:sha256:" + sha, locator, "ingest-adapter", T0, T0);
    }

    private static long edges(String type) {
        return NEO4J.db().read(tx -> tx.run("MATCH ()-[e:" + type + "]->() RETURN count(e) AS n", Map.of())
                .single().get("n").asLong());
    }

    private static long nodes() {
        return NEO4J.db().read(tx -> tx.run("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n", Map.of())
                .single().get("n").asLong());
    }
}
