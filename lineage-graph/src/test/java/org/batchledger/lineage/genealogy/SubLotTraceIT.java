package org.batchledger.lineage.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.verify.LedgerReport;
import org.batchledger.lineage.ledger.verify.LedgerVerifier;
import org.batchledger.lineage.ledger.verify.Tampering;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.verifier.proof.NoteVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REQ-GENEALOGY-008..010 on a small generated genealogy with sub-lots: an API lot made by batch B-API is divided into
 * drums D1 and D2, D1 into sample portion D1-S1 (written later, with the batches downstream of it). D1-S1 goes into
 * granulation B-GRAN → LOT-GRAN → tableting B-TAB → finished LOT-TAB; D2 into B-OTHER → finished LOT-OTHER.
 * The {@code SUBLOT_OF} edges follow from the sub-lots' ledger entries (a deleted one is named by verification); a
 * trace walks lot → sub-lot downstream and sub-lot → lot upstream, in both walks, as of any tree size; a recall of
 * the API lot lists the finished product made from its sub-lots.
 */
@Tag("REQ-GENEALOGY-008")
@Tag("REQ-GENEALOGY-009")
@Tag("REQ-GENEALOGY-010")
class SubLotTraceIT {
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TraceLimits LIMITS = TraceLimits.of(25, 1_000);
    private final List<GenealogyTraversal> walks = List.of(new GenealogyTraversal(NEO4J.db()),
            GenealogyTraversal.hopByHop(NEO4J.db()));
    @TempDir
    Path keys;
    private long beforePortion;

    @BeforeEach
    void plant() {
        NEO4J.clean();
        List<LedgerRecord> first = new ArrayList<>(List.of(
                material("API", Material.MaterialKind.API), material("GRAN", Material.MaterialKind.INTERMEDIATE),
                material("TAB", Material.MaterialKind.FINISHED_PRODUCT),
                batch("B-API", "API"), lot("LOT-API", "API", null), produce("B-API", "LOT-API"),
                lot("D1", "API", "LOT-API"), lot("D2", "API", "LOT-API"),
                batch("B-OTHER", "TAB"), consume("D2", "B-OTHER"), lot("LOT-OTHER", "TAB", null),
                produce("B-OTHER", "LOT-OTHER")));
        write(first);
        beforePortion = head();
        write(List.of(lot("D1-S1", "API", "D1"), batch("B-GRAN", "GRAN"), consume("D1-S1", "B-GRAN"),
                lot("LOT-GRAN", "GRAN", null), produce("B-GRAN", "LOT-GRAN"), batch("B-TAB", "TAB"),
                consume("LOT-GRAN", "B-TAB"), lot("LOT-TAB", "TAB", null), produce("B-TAB", "LOT-TAB")));
    }

    @Test
    void aTraceDownstreamFromTheLotReachesTheBatchesThatConsumedItsSubLots() {
        TraceResult down = trace(RecordType.LOT, "LOT-API", TraceDirection.DOWNSTREAM, AsOf.CURRENT);

        assertThat(hops(down)).containsExactly("0 Lot:sl:LOT-API", "1 Lot:sl:D1", "1 Lot:sl:D2", "2 Batch:sl:B-OTHER",
                "2 Lot:sl:D1-S1", "3 Batch:sl:B-GRAN", "3 Lot:sl:LOT-OTHER", "4 Lot:sl:LOT-GRAN", "5 Batch:sl:B-TAB",
                "6 Lot:sl:LOT-TAB");
        assertThat(down.links()).filteredOn(l -> l.to().key().equals("sl:D1-S1")).singleElement()
                .satisfies(l -> {
                    assertThat(l.from()).isEqualTo(new RecordRef(RecordType.LOT, "sl:D1"));
                    assertThat(l.relationship()).isEqualTo("SUBLOT_OF");
                });
        assertThat(down.complete()).isTrue();
        assertThat(down.cycleDetected()).isFalse();
    }

    @Test
    void aTraceUpstreamFromTheTabletBatchReachesTheParentLotsOriginButNotItsOtherDrum() {
        TraceResult up = trace(RecordType.BATCH, "B-TAB", TraceDirection.UPSTREAM, AsOf.CURRENT);

        assertThat(hops(up)).containsExactly("0 Batch:sl:B-TAB", "1 Lot:sl:LOT-GRAN", "2 Batch:sl:B-GRAN",
                "3 Lot:sl:D1-S1", "4 Lot:sl:D1", "5 Lot:sl:LOT-API", "6 Batch:sl:B-API");
        assertThat(up.links()).extracting(TraceLink::sortKey).contains("Lot:sl:LOT-API>Lot:sl:D1",
                "Lot:sl:D1>Lot:sl:D1-S1");
    }

    @Test
    void asOfATreeSizeBeforeThePortionTheTraceStopsAtTheDrum() {
        TraceResult down = trace(RecordType.LOT, "LOT-API", TraceDirection.DOWNSTREAM, new AsOf(beforePortion));

        assertThat(hops(down)).containsExactly("0 Lot:sl:LOT-API", "1 Lot:sl:D1", "1 Lot:sl:D2", "2 Batch:sl:B-OTHER",
                "3 Lot:sl:LOT-OTHER");
        assertThat(walks.getFirst().trace(new RecordRef(RecordType.LOT, "sl:D1-S1"), TraceDirection.UPSTREAM, LIMITS,
                new AsOf(beforePortion))).isEmpty();
    }

    @Test
    void aRecallOfTheLotListsTheFinishedProductMadeFromEitherDrum() {
        RecallImpact impact = new RecallImpactAnalysis(NEO4J.db()).of("sl:LOT-API").orElseThrow();

        assertThat(impact.items()).extracting(i -> i.ref().toString()).containsExactly("Batch:sl:B-OTHER",
                "Lot:sl:LOT-OTHER", "Batch:sl:B-TAB", "Lot:sl:LOT-TAB");
    }

    @Test
    void theSubLotEdgesFollowFromTheLedgerAndADeletedOneIsNamed() {
        NoteVerifier hubKey = NoteVerifier.of(SmallPlant.signer(keys).verifierKey());
        long edges = NEO4J.db().read(tx -> tx.run("MATCH (:Lot)-[e:SUBLOT_OF]->(:Lot) RETURN count(e) AS n", Map.of())
                .single().get("n").asLong());
        assertThat(edges).isEqualTo(3);
        assertThat(new LedgerVerifier(NEO4J.db(), hubKey).verify(null).ok()).isTrue();

        new Tampering(NEO4J.db()).run("MATCH (:Lot {key: 'sl:D1-S1', version: 1})-[e:SUBLOT_OF]->() DELETE e");
        LedgerReport report = new LedgerVerifier(NEO4J.db(), hubKey).verify(null);

        assertThat(report.ok()).isFalse();
        assertThat(report.recordMismatches()).anySatisfy(m -> {
            assertThat(m.entityKey()).isEqualTo("sl:D1-S1");
            assertThat(m.reason()).contains("edge SUBLOT_OF -> [Lot] sl:D1 v1 is missing");
        });
        assertThat(trace(RecordType.LOT, "LOT-API", TraceDirection.DOWNSTREAM, AsOf.CURRENT).nodes())
                .extracting(n -> n.ref().key()).doesNotContain("sl:D1-S1");
    }

    /** The trace by both walks, which must agree. */
    private TraceResult trace(RecordType type, String key, TraceDirection direction, AsOf asOf) {
        var start = new RecordRef(type, "sl:" + key);
        TraceResult server = walks.get(0).trace(start, direction, LIMITS, asOf).orElseThrow();
        assertThat(walks.get(1).trace(start, direction, LIMITS, asOf).orElseThrow()).isEqualTo(server);
        return server;
    }

    private static List<String> hops(TraceResult t) {
        return t.nodes().stream().map(n -> n.hop() + " " + n.ref()).toList();
    }

    private static long head() {
        return NEO4J.db().read(tx -> tx.run("MATCH (h:LedgerHead {id: 'main'}) RETURN h.seq AS n", Map.of())
                .single().get("n").asLong());
    }

    private static void write(List<LedgerRecord> records) {
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "sub-lot genealogy"));
    }

    private static Material material(String key, Material.MaterialKind kind) {
        return new Material("sl:" + key, key, kind, "kg", SmallPlant.provenance("m/" + key));
    }

    private static Lot lot(String key, String material, String parent) {
        return new Lot("sl:" + key, "sl:" + material, Lot.LotStatus.IN_STOCK, 10.0, "kg", null, null, null,
                parent == null ? null : "sl:" + parent, SmallPlant.provenance("l/" + key));
    }

    private static Batch batch(String key, String product) {
        return new Batch("sl:" + key, "sl:" + product, "STAGE", Batch.BatchStatus.COMPLETED, null, SmallPlant.T0,
                SmallPlant.T0.plusSeconds(3600), SmallPlant.provenance("b/" + key));
    }

    private static Consumption consume(String lot, String batch) {
        return new Consumption("sl:c:" + lot + ">" + batch, "sl:" + lot, "sl:" + batch, 5.0, "kg", "charge",
                SmallPlant.T0.plusSeconds(60), SmallPlant.provenance("c/" + lot));
    }

    private static Production produce(String batch, String lot) {
        return new Production("sl:p:" + batch + ">" + lot, "sl:" + batch, "sl:" + lot, 10.0, "kg",
                SmallPlant.provenance("p/" + lot));
    }
}
