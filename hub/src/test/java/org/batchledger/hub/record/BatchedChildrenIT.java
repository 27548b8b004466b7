package org.batchledger.hub.record;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.batchledger.hub.support.DemoData;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.store.GraphDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * REQ-PERF-003, REQ-RECORD-005, store: a page of batches with all its children costs the same round trips at any
 * size.
 */
@Tag("REQ-PERF-003")
@Tag("REQ-RECORD-005")
class BatchedChildrenIT extends HubTestBase {
    private static final String PAGE_WITH_CHILDREN = """
            { batches(first: FIRST) { edges { node {
              id stage status product { name }
              inputs { quantity unit step at lot { id material { name } producedBy { id } } }
              outputs(first: 5) { edges { node { id status consumedBy(first: 5) { edges { node { id } } } } } }
              equipmentUsed { step equipment { name cleanings { performedAt } calibrations { dueAt } } }
              stepRecords(first: 10) { edges { node { parameter value unit } } }
              testResults { test outcome subject { id } }
              deviations { title impacts { id } }
              signatures { meaning printedName signs { id } }
            } } } }""";

    @Autowired
    GraphDatabase db;

    @BeforeAll
    static void plant() {
        DemoData.ensureLoaded();
    }

    @Test
    void roundTripsForAPageOfBatchesWithChildrenDoNotGrowWithThePageSize() {
        int all = DemoData.SIZE.batches();
        int diverse = smallestPageWithEveryKindOfChild();
        assertThat(diverse).as("a page smaller than all batches already has every kind of child").isLessThan(all);
        long small = roundTrips(diverse);
        assertThat(roundTrips(all)).as("round trips for %d batches vs %d", all, diverse).isEqualTo(small);
        assertThat(small).as("one query per field level, not per parent").isLessThan(30);
    }

    @Test
    void thePageCarriesEveryKindOfChild() {
        assertThat(hasEveryKindOfChild(page(DemoData.SIZE.batches()).at("/data/batches/edges").asJsonArray())).isTrue();
    }

    /** Loaders only run for kinds present, so compare pages that both hold every kind: that isolates page size. */
    private int smallestPageWithEveryKindOfChild() {
        for (int size = 8; size < DemoData.SIZE.batches(); size += 8) {
            if (hasEveryKindOfChild(page(size).at("/data/batches/edges").asJsonArray())) {
                return size;
            }
        }
        return DemoData.SIZE.batches();
    }

    private static boolean hasEveryKindOfChild(JsonArray edges) {
        boolean outputs = edges.stream().anyMatch(e -> !e.asJsonObject().getJsonObject("node").getJsonObject("outputs")
                .getJsonArray("edges").isEmpty());
        return outputs && java.util.stream.Stream.of("inputs", "equipmentUsed", "testResults", "deviations", "signatures")
                .allMatch(f -> count(edges, f) > 0);
    }

    private long roundTrips(int first) {
        long before = db.roundTrips();
        Response r = page(first);
        assertThat(r.at("/data/batches/edges").asJsonArray()).hasSize(first);
        return db.roundTrips() - before;
    }

    private Response page(int first) {
        Response r = graphql().post(inspector(), PAGE_WITH_CHILDREN.replace("FIRST", String.valueOf(first)));
        assertThat(r.hasErrors()).as("errors: %s", r.body()).isFalse();
        return r;
    }

    private static long count(JsonArray edges, String field) {
        return edges.stream().map(JsonValue::asJsonObject).map(e -> e.getJsonObject("node"))
                .mapToLong((JsonObject n) -> n.getJsonArray(field).size()).sum();
    }
}
