package org.batchledger.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-LEDGER-019, point-in-time reads: batch(asOf: N) and lot(asOf: N) show every nested field as the
 * graph stood at tree size N — children recorded later are absent, children corrected later show their version of
 * then — while the same read without asOf shows the current graph.
 */
@Tag("REQ-LEDGER-019")
class PointInTimeReadsIT extends HubTestBase {
    private static final Instant T = SmallPlant.T0;
    private static final String BATCH_TREE = """
            { batch(id: "Batch:t:B"ASOF) { asOf stage product { name }
                inputs { key quantity lot { key quantity asOf } }
                outputs(first: 10) { edges { node { key quantity asOf producedBy { key stage } } } }
                stepRecords(first: 10) { edges { node { key value } } }
                equipmentUsed { key equipment { key } }
                testResults { key outcome subject { id ... on Batch { stage } } }
                deviations { key severity impacts { id ... on Lot { quantity } } }
                signatures { key signs { id ... on Batch { stage } } } } }""";
    private static final String LOT_TREE = """
            { lot(id: "Lot:t:LOT-IN"ASOF) { asOf quantity material { name }
                consumedBy(first: 10) { edges { node { key stage inputs { key } } } }
                testResults { key } deviations { key severity } } }""";

    /** The ledger's tree size after the first state was recorded; everything after it is later. */
    private int then;

    @BeforeEach
    void firstStateThenNewAndCorrectedChildren() {
        cleanLedger();
        write(SmallPlant.step(""));
        write(List.of(new Equipment("t:E1", "Granulator", "GRANULATOR", "Hall 1", SmallPlant.provenance("e")),
                new Batch("t:B2", "t:MAT-OUT", "GRANULATION", Batch.BatchStatus.IN_PROCESS, "MBR-7", T, null,
                        SmallPlant.provenance("b2")),
                step("t:SR1", "6.8"), result("t:TR1", "Batch:t:B"), result("t:TRL1", "Lot:t:LOT-IN"),
                deviation("t:D1", "Batch:t:B", "Lot:t:LOT-IN"), use("t:U1"), signature("t:S1")));
        then = ((JsonNumber) ok(graphql().post(inspector(), "{ ledgerCheckpoint { treeSize } }"))
                .at("/data/ledgerCheckpoint/treeSize")).intValue();

        write(List.of(step("t:SR2", "7.0"), result("t:TR2", "Batch:t:B"), result("t:TRL2", "Lot:t:LOT-IN"),
                deviation("t:D2", "Batch:t:B"), use("t:U2"), signature("t:S2"),
                SmallPlant.lot("t:LOT-IN2", "t:MAT-IN"), SmallPlant.lot("t:LOT-OUT2", "t:MAT-OUT"),
                new Consumption("t:C2", "t:LOT-IN2", "t:B", 10.0, "kg", "charge", T, SmallPlant.provenance("c2")),
                new Production("t:P2", "t:B", "t:LOT-OUT2", 9.5, "kg", SmallPlant.provenance("p2")),
                new Consumption("t:C3", "t:LOT-IN", "t:B2", 5.0, "kg", "charge", T, SmallPlant.provenance("c3"))));
        correct("StepRecord:t:SR1", "value", "7.4");
        correct("TestResult:t:TR1", "outcome", "OOS");
        correct("Deviation:t:D1", "severity", "MAJOR");
        correct("Lot:t:LOT-OUT", "quantity", "117.5");
        correct("Lot:t:LOT-IN", "quantity", "240");
        correct("Material:t:MAT-OUT", "name", "Granulate (milled)");
        correct("Batch:t:B", "stage", "MILLING");
    }

    @Test
    void batchAsOfATreeSizeShowsEveryChildAsItStoodThenAndTheCurrentReadShowsTheNewState() {
        JsonObject old = batch(then);
        assertThat(old.getInt("asOf")).isEqualTo(then);
        assertThat(old.getString("stage")).isEqualTo("GRANULATION");
        assertThat(old.getJsonObject("product").getString("name")).isEqualTo("Granulate");
        assertThat(keys(old.getJsonArray("inputs"))).containsExactly("t:C");
        JsonObject inputLot = old.getJsonArray("inputs").getJsonObject(0).getJsonObject("lot");
        assertThat(inputLot.getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);
        assertThat(inputLot.getInt("asOf")).as("the asOf reaches nested records").isEqualTo(then);
        JsonArray outputs = nodes(old.getJsonObject("outputs"));
        assertThat(keys(outputs)).containsExactly("t:LOT-OUT");
        assertThat(outputs.getJsonObject(0).getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);
        assertThat(outputs.getJsonObject(0).getJsonObject("producedBy").getString("stage")).isEqualTo("GRANULATION");
        assertThat(values(nodes(old.getJsonObject("stepRecords")), n -> n.getString("value"))).containsExactly("6.8");
        assertThat(keys(old.getJsonArray("equipmentUsed"))).containsExactly("t:U1");
        assertThat(values(old.getJsonArray("testResults"), n -> n.getString("key") + "=" + n.getString("outcome")))
                .containsExactly("t:TR1=PASS");
        assertThat(old.getJsonArray("testResults").getJsonObject(0).getJsonObject("subject").getString("stage"))
                .isEqualTo("GRANULATION");
        JsonObject deviation = old.getJsonArray("deviations").getJsonObject(0);
        assertThat(keys(old.getJsonArray("deviations"))).containsExactly("t:D1");
        assertThat(deviation.getString("severity")).isEqualTo("MINOR");
        assertThat(values(deviation.getJsonArray("impacts"), n -> n.getString("id"))).contains("Lot:t:LOT-IN");
        assertThat(deviation.getJsonArray("impacts").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.containsKey("quantity")).map(n -> n.getJsonNumber("quantity").doubleValue()))
                .containsExactly(250.0);
        assertThat(keys(old.getJsonArray("signatures"))).containsExactly("t:S1");
        assertThat(old.getJsonArray("signatures").getJsonObject(0).getJsonObject("signs").getString("stage"))
                .isEqualTo("GRANULATION");

        JsonObject now = batch(null);
        assertThat(now.isNull("asOf")).isTrue();
        assertThat(now.getString("stage")).isEqualTo("MILLING");
        assertThat(now.getJsonObject("product").getString("name")).isEqualTo("Granulate (milled)");
        assertThat(keys(now.getJsonArray("inputs"))).containsExactly("t:C", "t:C2");
        assertThat(now.getJsonArray("inputs").getJsonObject(0).getJsonObject("lot").getJsonNumber("quantity")
                .doubleValue()).isEqualTo(240.0);
        assertThat(values(nodes(now.getJsonObject("outputs")), n -> n.getString("key") + "=" + n.getJsonNumber("quantity")))
                .containsExactly("t:LOT-OUT=117.5", "t:LOT-OUT2=250.0");
        assertThat(values(nodes(now.getJsonObject("stepRecords")), n -> n.getString("value"))).containsExactly("7.4", "7.0");
        assertThat(keys(now.getJsonArray("equipmentUsed"))).containsExactly("t:U1", "t:U2");
        assertThat(values(now.getJsonArray("testResults"), n -> n.getString("key") + "=" + n.getString("outcome")))
                .containsExactly("t:TR1=OOS", "t:TR2=PASS");
        assertThat(values(now.getJsonArray("deviations"), n -> n.getString("key") + "=" + n.getString("severity")))
                .containsExactly("t:D1=MAJOR", "t:D2=MINOR");
        assertThat(keys(now.getJsonArray("signatures"))).containsExactly("t:S1", "t:S2");
    }

    @Test
    void lotAsOfATreeSizeShowsConsumersResultsAndDeviationsAsTheyStoodThen() {
        JsonObject old = lot(then);
        assertThat(old.getInt("asOf")).isEqualTo(then);
        assertThat(old.getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);
        JsonArray consumers = nodes(old.getJsonObject("consumedBy"));
        assertThat(values(consumers, n -> n.getString("key") + "=" + n.getString("stage")))
                .as("B2 existed then, but consumed the lot only later").containsExactly("t:B=GRANULATION");
        assertThat(keys(consumers.getJsonObject(0).getJsonArray("inputs"))).containsExactly("t:C");
        assertThat(keys(old.getJsonArray("testResults"))).containsExactly("t:TRL1");
        assertThat(values(old.getJsonArray("deviations"), n -> n.getString("severity"))).containsExactly("MINOR");

        JsonObject now = lot(null);
        assertThat(now.getJsonNumber("quantity").doubleValue()).isEqualTo(240.0);
        assertThat(values(nodes(now.getJsonObject("consumedBy")), n -> n.getString("key") + "=" + n.getString("stage")))
                .containsExactly("t:B=MILLING", "t:B2=GRANULATION");
        assertThat(keys(now.getJsonArray("testResults"))).containsExactly("t:TRL1", "t:TRL2");
        assertThat(values(now.getJsonArray("deviations"), n -> n.getString("severity"))).containsExactly("MAJOR");
    }

    @Test
    void oneRequestReadingTheSameBatchNowAndAsOfATreeSizeGetsEachAnswerSeparately() {
        JsonObject data = ok(graphql().post(inspector(), """
                { then: batch(id: "Batch:t:B2", asOf: %d) { asOf inputs { key } }
                  now: batch(id: "Batch:t:B2") { asOf inputs { key } } }""".formatted(then))).body().getJsonObject("data");

        assertThat(keys(data.getJsonObject("then").getJsonArray("inputs"))).isEmpty();
        assertThat(keys(data.getJsonObject("now").getJsonArray("inputs"))).containsExactly("t:C3");
        assertThat(data.getJsonObject("now").isNull("asOf")).isTrue();
    }

    @Test
    void traceAsOfATreeSizeFollowsTheGenealogyOfThenAndShowsTheRecordsAsTheyWere() {
        String trace = """
                { trace(from: "Lot:t:LOT-IN", direction: DOWNSTREAM%s) { asOf nodes(first: 20) { edges { node {
                    id record { ... on Lot { quantity asOf } ... on Batch { stage asOf } } } } } } }""";
        JsonObject old = ok(graphql().post(inspector(), trace.formatted(", asOf: " + then)))
                .body().getJsonObject("data").getJsonObject("trace");
        JsonObject now = ok(graphql().post(inspector(), trace.formatted(""))).body().getJsonObject("data").getJsonObject("trace");

        assertThat(old.getInt("asOf")).isEqualTo(then);
        assertThat(values(nodes(old.getJsonObject("nodes")), PointInTimeReadsIT::describe))
                .containsExactly("Lot:t:LOT-IN=250.0", "Batch:t:B=GRANULATION", "Lot:t:LOT-OUT=250.0");
        assertThat(values(nodes(now.getJsonObject("nodes")), PointInTimeReadsIT::describe))
                .containsExactlyInAnyOrder("Lot:t:LOT-IN=240.0", "Batch:t:B=MILLING", "Batch:t:B2=GRANULATION",
                        "Lot:t:LOT-OUT=117.5", "Lot:t:LOT-OUT2=250.0");
    }

    @Test
    void anAsOfBeforeTheRecordExistedIsNullWithNotFoundForBatchLotAndTrace() {
        for (String query : List.of("{ batch(id: \"Batch:t:B2\", asOf: 7) { key inputs { key } } }",
                "{ batch(id: \"Batch:t:B\", asOf: 0) { key } }",
                "{ lot(id: \"Lot:t:LOT-OUT2\", asOf: %d) { key consumedBy { edges { node { key } } } } }".formatted(then),
                "{ trace(from: \"Lot:t:LOT-IN2\", direction: UPSTREAM, asOf: %d) { nodeCount } }".formatted(then))) {
            Response r = graphql().post(inspector(), query);

            assertThat(r.errorClass()).as(query).isEqualTo("NOT_FOUND");
            JsonValue data = r.body().get("data");
            assertThat(data == null || data.getValueType() == JsonValue.ValueType.NULL
                    || data.asJsonObject().values().stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.NULL))
                    .as("no data for %s: %s", query, r.body()).isTrue();
        }
    }

    @Test
    void aNegativeAsOfOrOneBeyondTheLedgerIsABadRequestNamingAsOf() {
        for (String asOf : List.of("-1", "1000000")) {
            for (String query : List.of("{ batch(id: \"Batch:t:B\", asOf: %s) { key } }",
                    "{ lot(id: \"Lot:t:LOT-IN\", asOf: %s) { key } }",
                    "{ trace(from: \"Lot:t:LOT-IN\", direction: DOWNSTREAM, asOf: %s) { nodeCount } }")) {
                Response r = graphql().post(inspector(), query.formatted(asOf));
                assertThat(r.errorClass()).as(query).isEqualTo("BAD_REQUEST");
                assertThat(r.body().getJsonArray("errors").getJsonObject(0).getString("message")).contains("'asOf'");
            }
        }
    }

    private JsonObject batch(Integer asOf) {
        return ok(graphql().post(inspector(), BATCH_TREE.replace("ASOF", asOf == null ? "" : ", asOf: " + asOf)))
                .body().getJsonObject("data").getJsonObject("batch");
    }

    private JsonObject lot(Integer asOf) {
        return ok(graphql().post(inspector(), LOT_TREE.replace("ASOF", asOf == null ? "" : ", asOf: " + asOf)))
                .body().getJsonObject("data").getJsonObject("lot");
    }

    private void correct(String id, String field, String value) {
        // a reviewer: the correction rules let qa-reviewer correct every field this fixture changes
        ok(graphql().post(TOKENS.forUser("reviewer", "qa-reviewer"), """
                mutation { correct(id: "%s", reason: "transcription error", changes: [{field: "%s", value: "%s"}])
                  { version } }""".formatted(id, field, value)));
    }

    private static void write(List<LedgerRecord> records) {
        NEO4J.writer().write(WriteRequest.of(records, SmallPlant.OPERATOR, "point-in-time fixture"));
    }

    private static StepRecord step(String key, String value) {
        return new StepRecord(key, "t:B", "granulate", "pH", value, null, 6.5, 7.5, T, "operator",
                SmallPlant.provenance(key));
    }

    private static TestResult result(String key, String subject) {
        return new TestResult(key, RecordRef.parse(subject), null, "Assay", "HPLC", "99.1", "%", 98.0, 102.0,
                TestResult.TestOutcome.PASS, T, "analyst", SmallPlant.provenance(key));
    }

    private static Deviation deviation(String key, String... impacts) {
        return new Deviation(key, "Temperature excursion", Deviation.Severity.MINOR, Deviation.DeviationStatus.OPEN,
                java.util.Arrays.stream(impacts).map(RecordRef::parse).toList(), T, null, SmallPlant.provenance(key));
    }

    private static EquipmentUse use(String key) {
        return new EquipmentUse(key, "t:B", "t:E1", "granulate", T, T.plusSeconds(3600), SmallPlant.provenance(key));
    }

    private static Signature signature(String key) {
        return new Signature(key, new RecordRef(RecordType.BATCH, "t:B"), "0".repeat(64), "sub-op", "Olivia Operator",
                Signature.SignatureMeaning.PERFORMED, null, T, null, SmallPlant.provenance(key));
    }

    private static Response ok(Response r) {
        assertThat(r.hasErrors()).as("errors: %s", r.body()).isFalse();
        return r;
    }

    private static JsonArray nodes(JsonObject connection) {
        return connection.getJsonArray("edges").stream().map(e -> e.asJsonObject().get("node"))
                .collect(jakarta.json.Json::createArrayBuilder, jakarta.json.JsonArrayBuilder::add,
                        jakarta.json.JsonArrayBuilder::addAll).build();
    }

    private static List<String> keys(JsonArray items) {
        return values(items, n -> n.getString("key"));
    }

    private static List<String> values(JsonArray items, Function<JsonObject, String> value) {
        return items.getValuesAs(JsonObject.class).stream().map(value).toList();
    }

    private static String describe(JsonObject node) {
        JsonObject record = node.getJsonObject("record");
        return node.getString("id") + "=" + (record.containsKey("stage") ? record.getString("stage")
                : record.getJsonNumber("quantity").toString());
    }
}
