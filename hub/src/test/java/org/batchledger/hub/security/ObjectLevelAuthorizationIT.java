package org.batchledger.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.hub.api.node.GlobalIds;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The side doors of access-policy.csv, each decided and tried with a real request: what a role reaches through
 * node(id:), trace, nested fields and the release views is what it may query directly, and no more. Two granulation
 * steps, the second consuming the first's lot, and one correction by an operator.
 */
@Tag("REQ-SECURITY-009")
class ObjectLevelAuthorizationIT extends HubTestBase {
    private static final String OPERATOR = TOKENS.forUser("op-2", "operator");
    private static final String QA_REVIEWER = TOKENS.forUser("qa-2", "qa-reviewer");
    private static final String QA_RELEASE = TOKENS.forUser("qr-2", "qa-release");
    private static final String REASON = "balance printout transcribed wrongly";

    @BeforeAll
    static void twoStepsAndACorrection() {
        cleanLedger();
        List<LedgerRecord> records = new ArrayList<>(SmallPlant.step(""));
        records.addAll(SmallPlant.step("2"));
        records.add(new Consumption("t:C-LINK", "t:LOT-OUT", "t:B2", 50.0, "kg", "charge",
                SmallPlant.T0.plusSeconds(9000), SmallPlant.provenance("c-link")));
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "batch records"));
    }

    /**
     * Decided (issue 14): operators trace downstream. Every node and edge their trace shows is one they read hop by
     * hop through Lot.consumedBy and Batch.outputs; the recall list, which classifies the finished lots, stays QA's.
     */
    @Test
    @Tag("REQ-SECURITY-020")
    void anOperatorsDownstreamTraceShowsOnlyWhatTheNestedGenealogyFieldsShowThem() {
        JsonObject trace = data(OPERATOR, """
                { trace(from: "Lot:t:LOT-IN", direction: DOWNSTREAM) { complete
                    nodes(first: 100) { edges { node { id } } } links { edges { node { from to } } } } }""")
                .getJsonObject("trace");
        Set<String> traced = ids(trace.getJsonObject("nodes"), "id");
        assertThat(traced).contains("Lot:t:LOT-IN", "Batch:t:B", "Lot:t:LOT-OUT", "Batch:t:B2", "Lot:t:LOT-OUT2");

        Set<String> walked = new HashSet<>(Set.of("Lot:t:LOT-IN"));
        List<String> frontier = new ArrayList<>(walked);
        while (!frontier.isEmpty()) {
            String id = frontier.removeFirst();
            JsonObject next = data(OPERATOR, id.startsWith("Lot:")
                    ? "{ lot(id: \"" + id + "\") { consumedBy { edges { node { id } } } } }"
                    : "{ batch(id: \"" + id + "\") { outputs { edges { node { id } } } } }");
            JsonObject page = id.startsWith("Lot:") ? next.getJsonObject("lot").getJsonObject("consumedBy")
                    : next.getJsonObject("batch").getJsonObject("outputs");
            ids(page, "id").stream().filter(walked::add).forEach(frontier::add);
        }
        assertThat(traced).isEqualTo(walked);

        assertThat(graphql().post(OPERATOR, "{ recallImpact(lot: \"Lot:t:LOT-IN\") { count } }").errorClass())
                .isEqualTo("FORBIDDEN");
        assertThat(csv(OPERATOR)).isEqualTo(403);
        assertThat(csv(QA_REVIEWER)).isEqualTo(200);
    }

    /** node(id:) serves record types only: ledger entries, source files, CAPAs, dispositions are never reached. */
    @Test
    @Tag("REQ-SECURITY-021")
    void nodeRefusesEveryTypeItDoesNotServeForEveryReadingRole() {
        List<String> ids = new ArrayList<>(List.of("LedgerEntry:1", "IngestReport:1", "Checkpoint:1"));
        for (RecordType t : RecordType.values()) {
            if (!GlobalIds.NODE_TYPES.contains(t)) {
                ids.add(t.graphName() + ":t:B");
            }
        }
        for (String token : List.of(OPERATOR, QA_REVIEWER, inspector())) {
            for (String id : ids) {
                Response r = graphql().post(token, "{ node(id: \"" + id + "\") { id } }");
                assertThat(r.errorClass()).as(id).isEqualTo("BAD_REQUEST");
                assertThat(r.body().getJsonObject("data").get("node")).as(id).isEqualTo(JsonValue.NULL);
            }
        }
        JsonObject batch = data(OPERATOR, "{ node(id: \"Batch:t:B\") { id ... on Batch { status } } }");
        assertThat(batch.getJsonObject("node").getString("status")).isEqualTo("COMPLETED");
    }

    /**
     * Decided (issue 14): the QA roles read the audit trail, which exportEvidence already hands them in audit.json and
     * the reviewer needs to sign AUDIT_TRAIL_REVIEWED; operators do not, and the whole ledger stays the inspector's.
     */
    @Test
    @Tag("REQ-SECURITY-022")
    void theQaRolesReadTheAuditTrailOperatorsDoNot() {
        correctOnce();
        String trail = "{ auditTrail(entity: \"Lot:t:LOT-OUT\") { edges { node { action reason actor { subject } } } } }";
        for (String token : List.of(QA_REVIEWER, QA_RELEASE, inspector())) {
            var edges = data(token, trail).getJsonObject("auditTrail").getJsonArray("edges");
            assertThat(edges.stream().map(e -> e.asJsonObject().getJsonObject("node").getString("action")).toList())
                    .containsExactly("CREATE", "CORRECT");
            assertThat(edges.getJsonObject(1).getJsonObject("node").getString("reason")).isEqualTo(REASON);
        }
        assertThat(graphql().post(OPERATOR, trail).errorClass()).isEqualTo("FORBIDDEN");
        assertThat(graphql().post(QA_REVIEWER, "{ ledgerEntries { edges { node { seq } } } }").errorClass())
                .isEqualTo("FORBIDDEN");
    }

    /**
     * Decided (issue 14): the review queue shows every reader of a batch who corrected which record and why (review
     * by exception must say why a batch is blocked), and the corrected value is theirs through asOf anyway; the
     * ledger entry itself (subject, roles, client, hashes) stays out of their reach.
     */
    @Test
    @Tag("REQ-SECURITY-023")
    void operatorsSeeACorrectionsNameAndReasonInTheReviewQueueButNotItsLedgerEntry() {
        int seq = correctOnce();
        JsonObject queue = dataWithinDeadline(OPERATOR, """
                { reviewQueue(batch: "Batch:t:B") { exceptions { edges { node { exceptionClass reason } } } } }""")
                .getJsonObject("reviewQueue");
        List<String> reasons = queue.getJsonObject("exceptions").getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getString("exceptionClass").equals("CORRECTION")).map(n -> n.getString("reason"))
                .toList();
        assertThat(reasons).singleElement().asString().contains(REASON);
        assertThat(data(OPERATOR, "{ lot(id: \"Lot:t:LOT-OUT\", asOf: " + (seq - 1) + ") { quantity } }")
                .getJsonObject("lot").getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);
        Set<String> operatorTypes = new HashSet<>();
        SchemaReach schema = SchemaReach.load();
        schema.operations().filter(f -> f.roles().contains("operator"))
                .forEach(f -> operatorTypes.addAll(schema.reachableTypes(f).keySet()));
        assertThat(operatorTypes).doesNotContain("LedgerEntry", "LedgerActor", "ChangedField", "IngestReport",
                "RecallImpact", "LedgerCheckpoint", "InclusionProof");
    }

    /** The ledger entry of the one correction, made by the first test that needs it. */
    private static int correctionSeq;

    private int correctOnce() {
        if (correctionSeq == 0) {
            Response r = graphql().post(OPERATOR, "mutation { correct(id: \"Lot:t:LOT-OUT\", reason: \"" + REASON
                    + "\", changes: [{field: \"quantity\", value: \"117.5\"}]) { seq } }");
            assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
            correctionSeq = r.body().getJsonObject("data").getJsonObject("correct").getInt("seq");
        }
        return correctionSeq;
    }

    private JsonObject data(String token, String query) {
        Response r = graphql().post(token, query);
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data");
    }

    /**
     * The review queue's first evaluation in a fresh hub (rules loaded, classes initialised) passed the 30 s request
     * deadline on an overloaded build machine; the deadline is ApiGuardrailsIT's subject, not this test's: one retry.
     */
    private JsonObject dataWithinDeadline(String token, String query) {
        Response r = graphql().post(token, query);
        if (r.hasErrors() && r.body().toString().contains("request deadline exceeded")) {
            r = graphql().post(token, query);
        }
        assertThat(r.hasErrors()).as("%s", r.body()).isFalse();
        return r.body().getJsonObject("data");
    }

    private static Set<String> ids(JsonObject connection, String field) {
        return connection.getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node").getString(field)).collect(Collectors.toSet());
    }

    private int csv(String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/recall-impact.csv?lot=Lot:t:LOT-IN")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
