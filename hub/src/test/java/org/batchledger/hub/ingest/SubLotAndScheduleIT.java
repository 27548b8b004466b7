package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Through the API: a B2MML lot with nested sub-lots and a production schedule with planned times are ingested and
 * read back over GraphQL (parentLot, parentLotKey, plannedStart/plannedEnd beside empty actual times); the ledger
 * verifies with the SUBLOT_OF edges; a sub-lot ingested before its lot waits (REFERENCE-PENDING) and is linked and
 * traced from the lot once that arrives; a schedule planned to end before it starts is refused and writes nothing.
 */
@Tag("REQ-INGEST-130")
@Tag("REQ-INGEST-131")
@Tag("REQ-GENEALOGY-008")
@Tag("REQ-GENEALOGY-009")
class SubLotAndScheduleIT extends IngestTestBase {
    private static final String LOTS = """
            { lots(first: 10) { edges { node { key parentLotKey parentLot { key parentLotKey } } } } }""";
    private static final String BATCHES = """
            { batches(first: 5) { edges { node { key status plannedStart plannedEnd startedAt endedAt } } } }""";

    @Test
    void subLotsReadTheirParentAndAPlannedBatchItsPlannedTimes() throws Exception {
        IngestClient.Answer lots = postBytes("material-sublots-v0600.xml", fixture("material-sublots-v0600.xml"),
                Map.of());
        IngestClient.Answer schedule = postBytes("production-schedule-planned-v0600.xml",
                fixture("production-schedule-planned-v0600.xml"), Map.of());

        assertThat(lots.status()).as(lots.body()).isEqualTo(200);
        assertThat(lots.body()).doesNotContain("B2MML-SUBLOT");
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(schedule.body()).doesNotContain("B2MML-PLANNED-TIME");
        Map<String, JsonObject> byKey = new HashMap<>();
        data(LOTS).getJsonObject("lots").getJsonArray("edges").forEach(e -> {
            JsonObject node = e.asJsonObject().getJsonObject("node");
            byKey.put(node.getString("key").substring(node.getString("key").indexOf(':') + 1), node);
        });
        assertThat(byKey).containsOnlyKeys("LOT-PCM-0412", "LOT-PCM-0412-D1", "LOT-PCM-0412-D1-S1",
                "LOT-PCM-0412-D2");
        String parent = byKey.get("LOT-PCM-0412").getString("key");
        assertThat(byKey.get("LOT-PCM-0412").get("parentLot")).isEqualTo(JsonValue.NULL);
        assertThat(byKey.get("LOT-PCM-0412-D1").getString("parentLotKey")).isEqualTo(parent);
        assertThat(byKey.get("LOT-PCM-0412-D1").getJsonObject("parentLot").getString("key")).isEqualTo(parent);
        JsonObject drum = byKey.get("LOT-PCM-0412-D1-S1").getJsonObject("parentLot");
        assertThat(drum.getString("key")).endsWith(":LOT-PCM-0412-D1");
        assertThat(drum.getString("parentLotKey")).isEqualTo(parent);

        JsonObject batch = data(BATCHES).getJsonObject("batches").getJsonArray("edges").getJsonObject(0)
                .getJsonObject("node");
        assertThat(batch.getString("status")).isEqualTo("PLANNED");
        assertThat(batch.getString("plannedStart")).isEqualTo("2026-03-16T05:00:00.000Z");
        assertThat(batch.getString("plannedEnd")).isEqualTo("2026-03-16T17:30:00.000Z");
        assertThat(batch.get("startedAt")).isEqualTo(JsonValue.NULL);
        assertThat(batch.get("endedAt")).isEqualTo(JsonValue.NULL);
        long subLotEdges = NEO4J.db().read(tx -> tx.run("MATCH (:Lot)-[e:SUBLOT_OF]->(:Lot) RETURN count(e) AS n",
                Map.of()).single().get("n").asLong());
        assertThat(subLotEdges).isEqualTo(3);
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    @Test
    void aSubLotBeforeItsLotWaitsAndIsTracedFromTheLotOnceItArrives() throws Exception {
        String drum = "<SyncMaterialSubLot xmlns=\"http://www.mesa.org/xml/B2MML-V0600\"><ApplicationArea>"
                + "<CreationDateTime>2026-03-09T08:00:00Z</CreationDateTime></ApplicationArea><DataArea><Sync/>"
                + "<MaterialSubLot><ID>LOT-PCM-0412-D3</ID><MaterialLotID>LOT-PCM-0412</MaterialLotID>"
                + "<MaterialDefinitionID>PARACETAMOL</MaterialDefinitionID><Status>Released</Status>"
                + "</MaterialSubLot></DataArea></SyncMaterialSubLot>";

        IngestClient.Answer early = post("drum-d3.xml", drum, Map.of());

        assertThat(early.status()).as(early.body()).isEqualTo(200);
        assertThat(early.body()).contains("REFERENCE-PENDING");
        JsonObject waiting = data(LOTS).getJsonObject("lots").getJsonArray("edges").getJsonObject(0)
                .getJsonObject("node");
        assertThat(waiting.getString("parentLotKey")).endsWith(":LOT-PCM-0412");
        assertThat(waiting.get("parentLot")).isEqualTo(JsonValue.NULL);

        assertThat(postBytes("material-sublots-v0600.xml", fixture("material-sublots-v0600.xml"), Map.of()).status())
                .isEqualTo(200);

        String lotId = data("{ lots(first: 10) { edges { node { id key } } } }").getJsonObject("lots")
                .getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getString("key").endsWith(":LOT-PCM-0412")).findFirst().orElseThrow().getString("id");
        JsonObject trace = data("{ trace(from: \"" + lotId + "\", direction: DOWNSTREAM) { complete "
                + "nodes(first: 20) { edges { node { hop record { ... on Lot { key } } } } } "
                + "links(first: 20) { edges { node { relationship } } } } }").getJsonObject("trace");
        assertThat(trace.getBoolean("complete")).isTrue();
        assertThat(trace.getJsonObject("nodes").getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node").getInt("hop") + " " + e.asJsonObject()
                        .getJsonObject("node").getJsonObject("record").getString("key").replaceFirst("^[^:]*:", ""))
                .toList()).containsExactly("0 LOT-PCM-0412", "1 LOT-PCM-0412-D1", "1 LOT-PCM-0412-D2",
                "1 LOT-PCM-0412-D3", "2 LOT-PCM-0412-D1-S1");
        assertThat(trace.getJsonObject("links").getJsonArray("edges")).hasSize(4).allSatisfy(e -> assertThat(
                e.asJsonObject().getJsonObject("node").getString("relationship")).isEqualTo("SUBLOT_OF"));
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    @Test
    void aScheduleThatEndsBeforeItStartsIsRefusedNamingTheXPathAndWritesNothing() throws Exception {
        long before = head();
        String bad = new String(fixture("production-schedule-planned-v0600.xml"), StandardCharsets.UTF_8).replace(
                "<EndTime>2026-03-16T18:30:00+01:00</EndTime>", "<EndTime>2026-03-15T18:30:00+01:00</EndTime>");

        IngestClient.Answer refused = post("schedule-backwards.xml", bad, Map.of());

        assertRefused(refused, 422, "TIME-ORDER");
        assertThat(refused.body()).contains("ProductionRequest[1]/EndTime[1]");
        assertThat(head()).isEqualTo(before);
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = SubLotAndScheduleIT.class.getResourceAsStream("/ingest/b2mml/" + name)) {
            return in.readAllBytes();
        }
    }
}
