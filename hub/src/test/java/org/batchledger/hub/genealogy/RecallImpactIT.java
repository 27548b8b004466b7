package org.batchledger.hub.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** REQ-GENEALOGY-004, REQ-GENEALOGY-005: recallImpact (GraphQL and CSV) and commonUpstream. */
@Tag("REQ-GENEALOGY-004")
@Tag("REQ-GENEALOGY-005")
class RecallImpactIT extends HubTestBase {
    static String rawLot;

    @BeforeAll
    static void loadPlant() {
        cleanLedger();
        var plant = SyntheticPlant.of(8, PlantSize.ofBatches(48));
        new BulkLoader(NEO4J.db(), NEO4J.writer()).load("recall", plant.chunks(5_000), Actor.system("test"), "recall test", 0);
        TraceApiIT.edges = plant.genealogyEdges().toList();
        rawLot = "Lot:" + TraceApiIT.rawLot();
    }

    @Test
    void recallImpactListsOnlyFinishedProductDownstreamWithStatusAndPathCounts() {
        JsonObject r = data("{ recallImpact(lot: \"" + rawLot + "\") { complete count pathCountCap items(first: 100) { "
                + "edges { node { id hop status recordStatus pathCount pathCountCapped record { "
                + "... on Lot { material { kind } } ... on Batch { outputs(first: 5) { edges { node { material { kind } } } } } } } } } } }").getJsonObject("recallImpact");
        assertThat(r.getBoolean("complete")).isTrue();
        assertThat(r.getInt("count")).isPositive();
        var reachable = TraceApiIT.reachable(rawLot);
        for (JsonValue e : r.getJsonObject("items").getJsonArray("edges")) {
            JsonObject n = e.asJsonObject().getJsonObject("node");
            assertThat(reachable).contains(n.getString("id"));
            JsonObject rec = n.getJsonObject("record");
            String kind = (rec.containsKey("material") ? rec : rec.getJsonObject("outputs").getJsonArray("edges")
                    .getJsonObject(0).getJsonObject("node")).getJsonObject("material").getString("kind");
            assertThat(kind).isEqualTo("FINISHED_PRODUCT");
            assertThat(n.getString("status")).isIn("RELEASED", "IN_STOCK", "IN_PROCESS", "CLOSED");
            assertThat(n.getInt("pathCount")).isBetween(1, r.getInt("pathCountCap"));
        }
    }

    @Test
    void theCsvExportHasTheSameRowsAnAttachmentNameAndTheSameRoles() throws Exception {
        int count = data("{ recallImpact(lot: \"" + rawLot + "\") { count } }").getJsonObject("recallImpact").getInt("count");
        HttpResponse<String> ok = csv(inspector(), rawLot);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains(".csv");
        List<String> lines = ok.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,type,key,hop,status");
        assertThat(lines).hasSize(count + 1);
        assertThat(csv(TOKENS.forUser("op", "operator"), rawLot).statusCode()).isEqualTo(403);
        assertThat(csv(null, rawLot).statusCode()).isEqualTo(401);
        assertThat(csv(inspector(), "Batch:x:B-1").statusCode()).isEqualTo(400);
        assertThat(csv(inspector(), "Lot:nowhere:L-1").statusCode()).isEqualTo(404);
    }

    @Test
    void csvFieldsAreQuotedAndFormulaSafe() {
        assertThat(Csv.line(List.of("a,b", "say \"hi\"", "=cmd", "line\nbreak", "plain")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=cmd,\"line\nbreak\",plain\r\n");
    }

    @Test
    void commonUpstreamRanksWhatAllTheBatchesShareFirst() {
        List<String> finished = TraceApiIT.edges.stream().filter(e -> !e.fromKey().contains(":LOT-"))
                .map(e -> "Batch:" + e.fromKey()).distinct().toList();
        String two = "[\"" + finished.get(finished.size() - 1) + "\", \"" + finished.get(finished.size() - 2) + "\"]";
        JsonObject c = data("{ commonUpstream(batches: " + two + ", minShare: 1.0) { batches complete items { id sharedBy "
                + "share nearestHop batches record { id } } } }").getJsonObject("commonUpstream");
        assertThat(c.getInt("batches")).isEqualTo(2);
        var items = c.getJsonArray("items");
        assertThat(items).isNotEmpty();
        items.forEach(i -> assertThat(i.asJsonObject().getInt("sharedBy")).isEqualTo(2));
        assertThat(items.stream().map(i -> i.asJsonObject().getString("id")).anyMatch(id -> id.startsWith("Equipment:")))
                .isTrue();
        Response unknown = graphql().post(inspector(), "{ commonUpstream(batches: [\"Batch:nowhere:B-1\"]) { batches } }");
        assertThat(unknown.errorClass()).isEqualTo("NOT_FOUND");
        Response lot = graphql().post(inspector(), "{ commonUpstream(batches: [\"" + rawLot + "\"]) { batches } }");
        assertThat(lot.errorClass()).isEqualTo("BAD_REQUEST");
    }

    private JsonObject data(String query) {
        Response r = graphql().post(inspector(), query);
        assertThat(r.hasErrors()).as(String.valueOf(r.body())).isFalse();
        return r.body().getJsonObject("data");
    }

    private HttpResponse<String> csv(String token, String lot) throws IOException, InterruptedException {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recall-impact.csv?lot="
                + URLEncoder.encode(lot, StandardCharsets.UTF_8))).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
