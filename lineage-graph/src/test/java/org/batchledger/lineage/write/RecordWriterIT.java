package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.record.RecordQueries;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-LEDGER-001")
@Tag("REQ-RECORD-006")
@Tag("REQ-RECORD-004")
@Tag("REQ-LEDGER-017")
@Tag("REQ-LEDGER-018")
class RecordWriterIT {
    private static final Actor OPERATOR = new Actor("sub-1", "Olivia Operator", List.of("operator"), "hub-cli");
    private final Neo4jTestServer neo4j = Neo4jTestServer.shared();
    private final RecordWriter writer = neo4j.writer();

    @BeforeEach
    void emptyGraph() {
        neo4j.clean();
    }

    @Test
    void writesRecordsAndOneChainedLedgerEntryPerRecordInOneTransaction() {
        WriteReceipt receipt = writer.write(WriteRequest.of(Fixtures.granulation(""), OPERATOR, "batch record"));

        assertThat(receipt.firstSeq()).isEqualTo(1);
        assertThat(receipt.lastSeq()).isEqualTo(7);
        assertThat(receipt.counts()).containsEntry(RecordType.LOT, 2).containsEntry(RecordType.CONSUMPTION, 1);
        List<Map<String, Object>> entries = entries();
        assertThat(entries).hasSize(7);
        String prev = LedgerEntry.GENESIS_HASH;
        for (Map<String, Object> e : entries) {
            assertThat(e.get("prevHash")).as("entry %s chains to its predecessor", e.get("seq")).isEqualTo(prev);
            assertThat(e).containsEntry("actorSubject", "sub-1").containsEntry("reason", "batch record");
            prev = (String) e.get("entryHash");
        }
        assertThat(receipt.headHash()).isEqualTo(prev);
    }

    @Test
    void storedRecordReadsBackEqualWithTheContentHashItWasLedgeredWith() {
        writer.write(WriteRequest.of(Fixtures.granulation(""), OPERATOR, "batch record"));
        Lot lot = new RecordQueries(neo4j.db()).<Lot>byKey(RecordType.LOT, "test:LOT-IN").orElseThrow();

        assertThat(lot).isEqualTo(Fixtures.lot("test:LOT-IN", "test:MAT-LAC"));
        String ledgered = entries().stream().filter(e -> e.get("entityType").equals("Lot")
                && e.get("entityKey").equals("test:LOT-IN")).findFirst().orElseThrow().get("contentHash").toString();
        assertThat(CanonicalJson.contentHash(lot)).isEqualTo(ledgered);
    }

    @Test
    void refusesTheWholeWriteNamingRecordAndFieldWhenAReferenceIsMissing() {
        List<org.batchledger.schema.record.LedgerRecord> records = new ArrayList<>(Fixtures.granulation(""));
        records.add(new Consumption("test:C-bad", "test:LOT-NOPE", "test:B-GRN", 1.0, "kg", "charge",
                Fixtures.T0, Fixtures.provenance("line 42")));

        assertThatThrownBy(() -> writer.write(WriteRequest.of(records, OPERATOR, "batch record")))
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("CONSUMED_IN:test:C-bad (line 42) field lotKey: refers to Lot:test:LOT-NOPE");
        assertThat(nodeCount()).as("nothing written, not even the valid records").isZero();
    }

    @Test
    void refusesTextThatIsNotUnicodeNamingRecordAndFieldInsteadOfHashingItLoosely() {
        List<org.batchledger.schema.record.LedgerRecord> records = new ArrayList<>(Fixtures.granulation(""));
        records.add(new Material("test:MAT-BAD", "Lactose \ud800", Material.MaterialKind.EXCIPIENT, "kg",
                Fixtures.provenance("line 7")));

        assertThatThrownBy(() -> writer.write(WriteRequest.of(records, OPERATOR, "batch record")))
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("Material:test:MAT-BAD (line 7) field name: name holds a lone surrogate");
        assertThat(nodeCount()).as("nothing written").isZero();
    }

    @Test
    void refusesASecondCreateOfAnExistingKey() {
        writer.write(WriteRequest.of(Fixtures.granulation(""), OPERATOR, "batch record"));

        assertThatThrownBy(() -> writer.write(WriteRequest.of(List.of(Fixtures.material("test:MAT-LAC")), OPERATOR, "again")))
                .isInstanceOf(InvalidRecordsException.class)
                .hasMessageContaining("Material:test:MAT-LAC (m/test:MAT-LAC) field key: already recorded");
        assertThat(entries()).hasSize(7);
    }

    @Test
    void retryWithTheSameIdempotencyKeyAppendsNothingTwice() {
        WriteRequest request = WriteRequest.of(Fixtures.granulation(""), OPERATOR, "batch record");
        WriteReceipt first = writer.write(request);
        WriteReceipt retry = writer.write(request);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.lastSeq()).isEqualTo(first.lastSeq());
        assertThat(entries()).hasSize(7);
    }

    @Test
    void concurrentWritersProduceOneLinearChainWithoutGapsOrDuplicates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<WriteReceipt>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String suffix = "-" + i;
            futures.add(pool.submit(() -> writer.write(WriteRequest.of(Fixtures.granulation(suffix), OPERATOR, "load"))));
        }
        for (Future<WriteReceipt> f : futures) {
            f.get();
        }
        pool.shutdown();

        List<Map<String, Object>> entries = entries();
        assertThat(entries).hasSize(24 * 7);
        String prev = LedgerEntry.GENESIS_HASH;
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("seq")).isEqualTo((long) i + 1);
            assertThat(entries.get(i).get("prevHash")).isEqualTo(prev);
            prev = (String) entries.get(i).get("entryHash");
        }
    }

    private List<Map<String, Object>> entries() {
        return neo4j.db().read(tx -> org.batchledger.lineage.ledger.LedgerBundles.page(tx, 0, Long.MAX_VALUE - 1,
                100_000)).stream().map(e -> {
                    Map<String, Object> p = new java.util.HashMap<>(org.batchledger.lineage.ledger.StoredEntries
                            .properties(e, e.entryHash()));
                    p.values().removeIf(java.util.Objects::isNull);
                    return p;
                }).toList();
    }

    private long nodeCount() {
        return neo4j.db().read(tx -> tx.run("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n", Map.of())
                .single().get("n").asLong());
    }
}
