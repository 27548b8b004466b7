package org.batchledger.hub.genealogy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.synthplant.GenealogyEdge;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-GENEALOGY-001, REQ-GENEALOGY-002, REQ-GENEALOGY-003, REQ-GENEALOGY-006, REQ-API-004: trace over GraphQL —
 * complete, paged, bounded and flagged; bad input classified.
 */
@Tag("REQ-GENEALOGY-001")
@Tag("REQ-GENEALOGY-002")
@Tag("REQ-GENEALOGY-003")
@Tag("REQ-GENEALOGY-006")
@Tag("REQ-API-004")
class TraceApiIT extends HubTestBase {
    static final SyntheticPlant PLANT = SyntheticPlant.of(7, PlantSize.ofBatches(48)).withInjectedCycle();
    static List<GenealogyEdge> edges;

    @BeforeAll
    static void loadPlant() {
        cleanLedger();
        new BulkLoader(NEO4J.db(), NEO4J.writer()).load("trace-api", PLANT.chunks(5_000), Actor.system("test"), "trace api test", 0);
        edges = PLANT.genealogyEdges().toList();
    }

    @Test
    void aDownstreamTraceIsCompleteAndEqualsTheReachableSetPageByPage() {
        String start = rawLot();
        Set<String> got = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            JsonObject t = trace(start, "DOWNSTREAM", after);
            assertThat(t.getBoolean("complete")).isTrue();
            assertThat(t.isNull("truncatedBy")).isTrue();
            for (JsonValue e : t.getJsonObject("nodes").getJsonArray("edges")) {
                JsonObject n = e.asJsonObject().getJsonObject("node");
                assertThat(got.add(n.getString("id"))).as("no node twice across pages").isTrue();
                assertThat(n.getJsonObject("record").getString("id")).isEqualTo(n.getString("id"));
                assertThat(n.getJsonArray("path")).hasSize(n.getInt("hop") + 1);
            }
            JsonObject info = t.getJsonObject("nodes").getJsonObject("pageInfo");
            after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
            pages++;
        } while (after != null);
        assertThat(pages).isGreaterThan(1);
        assertThat(got).isEqualTo(reachable("Lot:" + start));
    }

    @Test
    void aTraceCutByHopsOrNodesSaysSoAndWhy() {
        String start = rawLot();
        JsonObject hops = data("{ trace(from: \"Lot:" + start + "\", direction: DOWNSTREAM, maxHops: 2) "
                + "{ complete truncatedBy nodeCount maxHop } }").getJsonObject("trace");
        assertThat(hops.getBoolean("complete")).isFalse();
        assertThat(hops.getString("truncatedBy")).isEqualTo("HOP_LIMIT");
        assertThat(hops.getInt("maxHop")).isEqualTo(2);
        JsonObject nodes = data("{ trace(from: \"Lot:" + start + "\", direction: DOWNSTREAM, maxNodes: 5) "
                + "{ complete truncatedBy nodeCount } }").getJsonObject("trace");
        assertThat(nodes.getString("truncatedBy")).isEqualTo("NODE_BUDGET");
        assertThat(nodes.getInt("nodeCount")).isEqualTo(5);
    }

    @Test
    void aCycleInTheDataTerminatesAndIsFlagged() {
        String cycleLot = edges.getLast().fromKey();
        JsonObject t = data("{ trace(from: \"Lot:" + cycleLot + "\", direction: DOWNSTREAM) { complete cycleDetected "
                + "links(first: 100) { edges { node { from to relationship } } } } }").getJsonObject("trace");
        assertThat(t.getBoolean("complete")).isTrue();
        assertThat(t.getBoolean("cycleDetected")).isTrue();
        assertThat(t.getJsonObject("links").getJsonArray("edges")).isNotEmpty();
    }

    @Test
    void oversizedOrNegativeLimitsAreBadRequestsNamingTheLimit() {
        assertBadRequest("{ trace(from: \"x\", direction: DOWNSTREAM, maxHops: 500) { complete } }", "maxHops");
        assertBadRequest("{ trace(from: \"Lot:a\", direction: DOWNSTREAM, maxHops: -1) { complete } }", "maxHops");
        assertBadRequest("{ trace(from: \"Lot:a\", direction: UPSTREAM, maxNodes: 1000001) { complete } }", "maxNodes");
        assertBadRequest("{ trace(from: \"Lot:a\", direction: UPSTREAM, maxNodes: 0) { complete } }", "maxNodes");
    }

    @Test
    void aStartOfTheWrongTypeIsBadRequestAndAnUnknownStartIsNotFound() {
        assertBadRequest("{ trace(from: \"Equipment:synthplant:x\", direction: UPSTREAM) { complete } }", "Lot or a Batch");
        Response r = graphql().post(inspector(), "{ trace(from: \"Lot:nowhere:L-0\", direction: UPSTREAM) { complete } }");
        assertThat(r.errorClass()).isEqualTo("NOT_FOUND");
    }

    @Test
    void tooDeepAndTooCostlyQueriesAreBadRequestsNamingTheLimit() {
        String deep = "{ lots(first: 1) { edges { node { consumedBy(first: 1) { edges { node { outputs(first: 1) { edges "
                + "{ node { consumedBy(first: 1) { edges { node { outputs(first: 1) { edges { node { consumedBy(first: 1) { edges "
                + "{ node { id } } } } } } } } } } } } } } } } } } }";
        assertBadRequest(deep, "maxDepth");
        String costly = "{ batches(first: 100) { edges { node { outputs(first: 100) { edges { node { "
                + "consumedBy(first: 100) { edges { node { id } } } } } } } } } }";
        assertBadRequest(costly, "maxCost");
        // the second time the document comes from the parsed-document cache; the limits still hold
        assertBadRequest(deep, "maxDepth");
        assertBadRequest(costly, "maxCost");
    }

    @Test
    void aCachedDocumentIsLimitedByTheCostOfItsVariables() {
        String query = "query($n: Int) { batches(first: $n) { edges { node { outputs(first: $n) { edges { node { "
                + "consumedBy(first: $n) { edges { node { id } } } } } } } } } }";
        Response cheap = graphql().post(inspector(), query, java.util.Map.of());
        assertThat(cheap.hasErrors()).as(String.valueOf(cheap.body())).isFalse();
        var costly = jakarta.json.Json.createObjectBuilder().add("n", 100).build();
        Response r = graphql().post(inspector(), query, costly);
        assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains("maxCost");
    }

    private void assertBadRequest(String query, String mentions) {
        Response r = graphql().post(inspector(), query);
        assertThat(r.errorClass()).as(query).isEqualTo("BAD_REQUEST");
        assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains(mentions);
    }

    private JsonObject trace(String lotKey, String direction, String after) {
        String a = after == null ? "" : ", after: \"" + after + "\"";
        return data("{ trace(from: \"Lot:" + lotKey + "\", direction: " + direction + ") { complete truncatedBy "
                + "nodes(first: 25" + a + ") { edges { node { id hop path record { id } } } "
                + "pageInfo { hasNextPage endCursor } } } }").getJsonObject("trace");
    }

    private JsonObject data(String query) {
        Response r = graphql().post(inspector(), query);
        assertThat(r.hasErrors()).as(String.valueOf(r.body())).isFalse();
        return r.body().getJsonObject("data");
    }

    /** The raw lot with the most consumers: a supernode whose reach is large enough to need several pages. */
    static String rawLot() {
        Map<String, Integer> fanOut = new HashMap<>();
        Set<String> produced = new HashSet<>();
        edges.forEach(e -> produced.add(e.toKey()));
        edges.stream().filter(e -> e.fromKey().contains(":LOT-") && !produced.contains(e.fromKey()))
                .forEach(e -> fanOut.merge(e.fromKey(), 1, Integer::sum));
        return fanOut.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }

    /** Global IDs downstream of a start, by plain BFS over the generator's edges. */
    static Set<String> reachable(String startId) {
        Map<String, List<String>> adj = new HashMap<>();
        edges.forEach(e -> adj.computeIfAbsent(e.fromKey(), k -> new ArrayList<>()).add(e.toKey()));
        Set<String> seen = new HashSet<>(Set.of(startId.substring(4)));
        var queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            adj.getOrDefault(queue.poll(), List.of()).stream().filter(seen::add).forEach(queue::add);
        }
        return seen.stream().map(k -> (k.contains(":LOT-") ? "Lot:" : "Batch:") + k).collect(java.util.stream.Collectors.toSet());
    }
}
