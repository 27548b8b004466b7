package org.batchledger.hub.release;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code alcoa} and {@code alcoaRules} over HTTP: a batch with a result marked PASS outside its limits has a critical
 * Accurate finding pointing at that result; asOf reads the batch as it stood; bad input is classified.
 */
@Tag("REQ-RELEASE-003")
class AlcoaApiIT extends HubTestBase {
    private static final String REPORT = """
            query($batch: ID!, $asOf: Int) { alcoa(batch: $batch, asOf: $asOf) {
                batch { id asOf } ruleSetVersion treeSize recordsEvaluated criticalFindings
                principles { principle score status recordsEvaluated findingCount
                  findings(first: 5) { edges { node { rule { id } } } } }
                critical: findings(first: 10, severity: CRITICAL) { edges { cursor node {
                  rule { id principle severity version title explanation } principle severity recordId
                  record { id ... on TestResult { value outcome } } explanation
                  evidence { label recordId url record { id } } } } pageInfo { hasNextPage endCursor } } } }""";
    /** The records of the first write: entries 1..FIRST. */
    private static final int FIRST = 7;

    @BeforeEach
    void batchWithAResultOutsideItsLimitsMarkedPass() {
        cleanLedger();
        write(SmallPlant.step(""));
        write(List.of(new StepRecord("t:SR1", "t:B", "granulate", "temperature", "42.0", "°C", 40.0, 45.0,
                        SmallPlant.T0.plusSeconds(600), "operator", SmallPlant.provenance("sr1")),
                new TestResult("t:TR1", new RecordRef(RecordType.BATCH, "t:B"), null, "Assay", "HPLC", "90.2", "%",
                        95.0, 105.0, TestResult.TestOutcome.PASS, SmallPlant.T0, "analyst",
                        SmallPlant.provenance("tr1"))));
    }

    @Test
    void aPassingResultOutsideItsLimitsIsACriticalAccurateFindingOnThatResult() {
        JsonObject report = alcoa(inspector(), "Batch:t:B", null);

        assertThat(report.getString("ruleSetVersion")).isEqualTo("2");
        assertThat(report.getInt("treeSize")).isEqualTo(FIRST + 2);
        assertThat(report.getJsonObject("batch").getString("id")).isEqualTo("Batch:t:B");
        assertThat(report.getInt("recordsEvaluated")).isEqualTo(5); // batch, step, result, consumption, production
        assertThat(principles(report)).containsExactly("ATTRIBUTABLE", "LEGIBLE", "CONTEMPORANEOUS", "ORIGINAL",
                "ACCURATE", "COMPLETE", "CONSISTENT", "ENDURING", "AVAILABLE", "TRACEABLE");
        JsonObject accurate = report.getJsonArray("principles").getJsonObject(4);
        assertThat(accurate.getString("status")).isEqualTo("CRITICAL");
        assertThat(accurate.getJsonNumber("score").doubleValue()).isEqualTo(0.5); // the step and the result judged

        List<JsonObject> critical = nodes(report.getJsonObject("critical"));
        assertThat(report.getInt("criticalFindings")).isEqualTo(critical.size());
        JsonObject finding = critical.stream().filter(f -> f.getJsonObject("rule").getString("id")
                .equals("ALCOA-AC-002")).findFirst().orElseThrow();
        assertThat(finding.getString("recordId")).isEqualTo("TestResult:t:TR1");
        assertThat(finding.getJsonObject("record").getString("value")).isEqualTo("90.2");
        assertThat(finding.getString("explanation"))
                .isEqualTo("test Assay is marked PASS but its value 90.2 lies outside its limits [95, 105]");
        assertThat(finding.getString("severity")).isEqualTo("CRITICAL");
        assertThat(finding.getJsonObject("rule").getString("principle")).isEqualTo("ACCURATE");
        assertThat(finding.getJsonArray("evidence").getJsonObject(0).getJsonObject("record").getString("id"))
                .isEqualTo("TestResult:t:TR1");
    }

    @Test
    void asOfReadsTheBatchAsItStoodThenAndAcceptsABareKey() {
        JsonObject then = alcoa(inspector(), "t:B", FIRST);

        assertThat(then.getInt("treeSize")).isEqualTo(FIRST);
        assertThat(then.getJsonObject("batch").getInt("asOf")).isEqualTo(FIRST);
        assertThat(then.getInt("recordsEvaluated")).isEqualTo(3);
        assertThat(then.getJsonArray("principles").getJsonObject(4).getString("status")).isEqualTo("NOT_EVALUATED");
        assertThat(nodes(then.getJsonObject("critical"))).extracting(f -> f.getString("recordId"))
                .doesNotContain("TestResult:t:TR1");
    }

    @Test
    void findingsPageWithCursors() {
        String query = """
                query($after: String) { alcoa(batch: "Batch:t:B") { findings(first: 1, after: $after) {
                  edges { cursor node { rule { id } recordId } } pageInfo { hasNextPage endCursor } } } }""";
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int i = 0; i < 50; i++) {
            Response r = ok(graphql().post(inspector(), query, after == null ? Map.of() : Map.of("after", after)));
            JsonObject page = r.body().getJsonObject("data").getJsonObject("alcoa").getJsonObject("findings");
            nodes(page).forEach(f -> seen.add(f.getJsonObject("rule").getString("id") + " " + f.getString("recordId")));
            if (!page.getJsonObject("pageInfo").getBoolean("hasNextPage")) {
                break;
            }
            after = page.getJsonObject("pageInfo").getString("endCursor");
        }
        List<String> all = nodes(ok(graphql().post(inspector(), """
                { alcoa(batch: "Batch:t:B") { findings(first: 100) { edges { node { rule { id } recordId } } } } }"""))
                .body().getJsonObject("data").getJsonObject("alcoa").getJsonObject("findings")).stream()
                .map(f -> f.getJsonObject("rule").getString("id") + " " + f.getString("recordId")).toList();
        assertThat(seen).containsExactlyElementsOf(all).hasSizeGreaterThan(1);
    }

    @Test
    void anUnknownBatchIsNotFoundAndAnAsOfOutsideTheLedgerABadRequestNamingIt() {
        assertThat(graphql().post(inspector(), "{ alcoa(batch: \"Batch:t:NOPE\") { treeSize } }").errorClass())
                .isEqualTo("NOT_FOUND");
        assertThat(graphql().post(inspector(), "{ alcoa(batch: \"Batch:t:B\", asOf: 1) { treeSize } }").errorClass())
                .isEqualTo("NOT_FOUND"); // the batch is entry 4
        Response beyond = graphql().post(inspector(), "{ alcoa(batch: \"Batch:t:B\", asOf: 10000) { treeSize } }");
        assertThat(beyond.errorClass()).isEqualTo("BAD_REQUEST");
        assertThat(beyond.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains("asOf");
        assertThat(graphql().post(inspector(), "{ alcoa(batch: \"Lot:t:LOT-IN\") { treeSize } }").errorClass())
                .isEqualTo("BAD_REQUEST");
    }

    @Test
    void theRulesInForceAreListedWithTheirParameters() {
        JsonObject data = ok(graphql().post(TOKENS.forUser("olivia", "operator"), """
                { alcoaRules { id principle severity version title explanation parameters { name value } } }"""))
                .body().getJsonObject("data");
        List<JsonObject> rules = data.getJsonArray("alcoaRules").getValuesAs(JsonObject.class);
        assertThat(rules).hasSize(29);
        JsonObject window = rules.stream().filter(r -> r.getString("id").equals("ALCOA-C-001")).findFirst().orElseThrow();
        assertThat(window.getString("principle")).isEqualTo("CONTEMPORANEOUS");
        assertThat(window.getJsonArray("parameters").getJsonObject(0).getString("value")).isEqualTo("PT24H");
    }

    /** Expected roles written here, apart from the SDL's @roles that enforce them. */
    @Test
    void readersReachBothFieldsAndAnAdapterIsRefused() {
        Map<String, Boolean> expected = Map.of("operator", true, "qa-reviewer", true, "qa-release", true,
                "inspector", true, "admin", true, "adapter", false);
        expected.forEach((role, allowed) -> {
            String token = TOKENS.forUser("user-" + role, role);
            for (String q : List.of("{ alcoa(batch: \"Batch:t:B\") { treeSize } }", "{ alcoaRules { id } }")) {
                Response r = graphql().post(token, q);
                assertThat(r.hasErrors() ? r.errorClass() : "OK").as(role + " " + q)
                        .isEqualTo(allowed ? "OK" : "FORBIDDEN");
            }
        });
    }

    private JsonObject alcoa(String token, String batch, Integer asOf) {
        jakarta.json.JsonObjectBuilder vars = jakarta.json.Json.createObjectBuilder().add("batch", batch);
        if (asOf != null) {
            vars.add("asOf", asOf);
        }
        return ok(graphql().post(token, REPORT, vars.build())).body().getJsonObject("data").getJsonObject("alcoa");
    }

    private static List<String> principles(JsonObject report) {
        return report.getJsonArray("principles").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("principle")).toList();
    }

    private static List<JsonObject> nodes(JsonObject connection) {
        return connection.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonObject("node")).toList();
    }

    private static Response ok(Response r) {
        assertThat(r.hasErrors()).as("errors: %s", r.body()).isFalse();
        return r;
    }

    private static void write(List<LedgerRecord> records) {
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "alcoa fixture"));
    }
}
