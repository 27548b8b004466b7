package org.batchledger.hub.release;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.lineage.testsupport.ReleasePlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** releaseReadiness, releaseQueue and reviewQueue over real HTTP with real tokens. */
@Tag("REQ-RELEASE-004")
@Tag("REQ-RELEASE-006")
@Tag("REQ-RELEASE-007")
class ReleaseApiIT extends ReleaseTestBase {
    private static final String READINESS = """
            { releaseReadiness(batch: "Batch:rp:B-TAB"ASOF) { ready verdict treeSize batch { key asOf }
                checks { name status explanation evidence { label recordId record { id } } } } }""";

    @Test
    void aBlockedBatchSaysWhyWithLinksToTheRecords() {
        write(ReleasePlant.blocked());

        JsonObject r = ok(graphql().post(releaser(), READINESS.replace("ASOF", ""))).getJsonObject("releaseReadiness");

        assertThat(r.getBoolean("ready")).isFalse();
        assertThat(r.getString("verdict")).isEqualTo("BLOCKED");
        assertThat(r.getInt("treeSize")).isEqualTo(27);
        assertThat(r.getJsonObject("batch").getInt("asOf")).isEqualTo(27);
        JsonObject upstream = r.getJsonArray("checks").getJsonObject(0);
        assertThat(upstream.getString("status")).isEqualTo("FAIL");
        assertThat(upstream.getString("explanation")).isEqualTo("Lot rp:LOT-API (Paracetamol) is in QUARANTINE.");
        assertThat(upstream.getJsonArray("evidence").getJsonObject(0).getJsonObject("record").getString("id"))
                .isEqualTo("Lot:rp:LOT-API");
        assertThat(r.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("status").equals("FAIL")).map(c -> c.getString("name")).toList())
                .containsExactly("upstream-released", "tests-in-spec", "deviations-closed", "exceptions-reviewed");
    }

    @Test
    @Tag("REQ-RELEASE-034")
    void aBareBatchKeyAndAnAsOfAreAcceptedAndTheAnswerNamesTheTreeSize() {
        write(ReleasePlant.ready());

        JsonObject r = ok(graphql().post(inspector(), READINESS.replace("\"Batch:rp:B-TAB\"ASOF",
                "\"rp:B-TAB\", asOf: 26"))).getJsonObject("releaseReadiness");

        assertThat(r.getBoolean("ready")).isTrue();
        assertThat(r.getString("verdict")).isEqualTo("READY");
        assertThat(r.getInt("treeSize")).isEqualTo(26);
    }

    @Test
    @Tag("REQ-RELEASE-034")
    void anUnknownBatchIsNotFoundAndAnAsOfOutsideTheLedgerIsABadRequestNamingAsOf() {
        write(ReleasePlant.ready());

        for (String q : List.of("{ releaseReadiness(batch: \"Batch:rp:NOPE\") { ready } }",
                "{ reviewQueue(batch: \"Batch:rp:NOPE\") { total } }",
                "{ releaseReadiness(batch: \"Batch:rp:B-TAB\", asOf: 3) { ready } }")) {
            assertThat(graphql().post(releaser(), q).errorClass()).as(q).isEqualTo("NOT_FOUND");
        }
        for (String asOf : List.of("-1", "1000")) {
            Response r = graphql().post(releaser(), "{ releaseReadiness(batch: \"Batch:rp:B-TAB\", asOf: " + asOf
                    + ") { ready } }");
            assertThat(r.errorClass()).isEqualTo("BAD_REQUEST");
            assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains("asOf");
        }
    }

    @Test
    void theQueueListsBatchesAwaitingDispositionWithCountsByVerdict() {
        write(ReleasePlant.blocked());

        JsonObject q = ok(graphql().post(releaser(), """
                { releaseQueue(first: 10) { totalCount countsByVerdict { verdict count }
                    pageInfo { hasNextPage endCursor }
                    edges { cursor node { batch { id } verdict openExceptions waitingSince } } } }"""))
                .getJsonObject("releaseQueue");

        assertThat(q.getInt("totalCount")).isEqualTo(1);
        JsonObject item = q.getJsonArray("edges").getJsonObject(0).getJsonObject("node");
        assertThat(item.getJsonObject("batch").getString("id")).isEqualTo("Batch:rp:B-TAB");
        assertThat(item.getString("verdict")).isEqualTo("BLOCKED");
        assertThat(item.getInt("openExceptions")).isEqualTo(3); // OOS, open deviation, quarantined lot two levels up
        assertThat(item.getString("waitingSince")).isEqualTo("2026-11-02T12:00:00.000Z");
        assertThat(q.getJsonArray("countsByVerdict").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getInt("count") > 0).map(c -> c.getString("verdict")).toList()).containsExactly("BLOCKED");
        assertThat(q.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();

        JsonObject ready = ok(graphql().post(releaser(),
                "{ releaseQueue(filter: {verdict: [READY]}) { totalCount edges { node { verdict } } } }"))
                .getJsonObject("releaseQueue");
        assertThat(ready.getInt("totalCount")).isZero();
    }

    @Test
    void theReviewQueueListsTheExceptionsWithStableIdsAndFiltersByClass() {
        write(ReleasePlant.blocked());
        String query = """
                { reviewQueue(batch: "Batch:rp:B-TAB") { treeSize total
                    exceptions(first: 10CLASS) { edges { node { id exceptionClass severity reason
                      records { recordId record { id } } } } } } }""";

        JsonObject all = ok(graphql().post(releaser(), query.replace("CLASS", ""))).getJsonObject("reviewQueue");
        JsonObject oos = ok(graphql().post(releaser(), query.replace("CLASS", ", exceptionClass: OOS_RESULT")))
                .getJsonObject("reviewQueue");

        assertThat(all.getInt("total")).isEqualTo(3);
        assertThat(nodes(all)).extracting(n -> n.getString("exceptionClass"))
                .containsExactly("OOS_RESULT", "OPEN_DEVIATION", "UNRELEASED_MATERIAL");
        assertThat(nodes(oos)).singleElement().satisfies(n -> {
            assertThat(n.getString("id")).isEqualTo(nodes(all).getFirst().getString("id"));
            assertThat(n.getString("severity")).isEqualTo("CRITICAL");
            assertThat(n.getJsonArray("records").getJsonObject(0).getJsonObject("record").getString("id"))
                    .isEqualTo("TestResult:rp:TR-DISS");
        });
    }

    private static List<JsonObject> nodes(JsonObject queue) {
        return queue.getJsonObject("exceptions").getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonObject("node")).toList();
    }

    @SuppressWarnings("unused")
    private static boolean isNull(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL;
    }
}
