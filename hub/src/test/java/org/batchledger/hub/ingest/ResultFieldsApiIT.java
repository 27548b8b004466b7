package org.batchledger.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Through the API and GraphQL: the LIMS default-layout sample's instrument, qualifier and raw value are served as
 * their own fields (the method stays the method); a B2MML consumption without quantity is ingested with a warning,
 * served with its quantity null and reported by ALCOA-CO-004; the ledger verifies.
 */
@Tag("REQ-INGEST-253")
@Tag("REQ-INGEST-250")
@Tag("REQ-INGEST-251")
class ResultFieldsApiIT extends IngestTestBase {
    private static final String RESULTS = """
            { testResults(first: 20) { edges { node { test method instrument value qualifier rawValue } } } }""";
    private static final String MCC_QUANTITY = "<Quantity><QuantityString>48.75</QuantityString><DataType>float"
            + "</DataType><UnitOfMeasure>kg</UnitOfMeasure></Quantity>";

    /** The master data the production performance fixture refers to, as canonical records (references must exist). */
    private static final String MASTER = """
            {"format": "batchledger-records/1", "records": [
              {"type": "Material", "key": "PARACETAMOL", "name": "Paracetamol", "kind": "API", "unit": "kg"},
              {"type": "Material", "key": "MCC-PH102", "name": "Microcrystalline cellulose", "kind": "EXCIPIENT",
               "unit": "kg"},
              {"type": "Material", "key": "PARA500-GRAN", "name": "Paracetamol granulate", "kind": "INTERMEDIATE",
               "unit": "kg"},
              {"type": "Lot", "key": "LOT-API-0098", "materialKey": "PARACETAMOL", "status": "RELEASED",
               "quantity": 500.0, "unit": "kg"},
              {"type": "Lot", "key": "LOT-MCC-0311", "materialKey": "MCC-PH102", "status": "RELEASED",
               "quantity": 200.0, "unit": "kg"},
              {"type": "Lot", "key": "B2604-12-G", "materialKey": "PARA500-GRAN", "status": "IN_PROCESS"},
              {"type": "Equipment", "key": "BAL-07", "name": "Balance 7", "equipmentClass": "Balance"},
              {"type": "Equipment", "key": "GRAN-02", "name": "Granulator 2", "equipmentClass": "Granulator"}
            ]}""";

    private static byte[] document(String name) throws IOException {
        try (InputStream in = ResultFieldsApiIT.class.getResourceAsStream("/test-documents/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theLimsSampleServesInstrumentQualifierAndRawValueApartFromMethodAndValue() throws Exception {
        IngestClient.Answer a = postBytes("default-layout.csv", document("lims/default-layout.csv"), Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(json(a).getString("adapter")).isEqualTo("lims-csv");

        Map<String, JsonObject> byTest = data(RESULTS).getJsonObject("testResults").getJsonArray("edges").stream()
                .map(e -> e.asJsonObject().getJsonObject("node"))
                .collect(Collectors.toMap(n -> n.getString("test"), n -> n));
        assertThat(byTest).containsOnlyKeys("Assay", "Impurity A", "Appearance, visual", "pH");
        JsonObject impurity = byTest.get("Impurity A");
        assertThat(impurity.getString("method")).isEqualTo("HPLC-12");
        assertThat(impurity.getString("instrument")).isEqualTo("HPLC-3");
        assertThat(impurity.getString("value")).isEqualTo("0.05");
        assertThat(impurity.getString("qualifier")).isEqualTo("<");
        assertThat(impurity.getString("rawValue")).isEqualTo("<0.05");
        JsonObject appearance = byTest.get("Appearance, visual");
        assertThat(appearance.isNull("value")).isTrue();
        assertThat(appearance.isNull("instrument")).isTrue();
        assertThat(appearance.getString("rawValue")).isEqualTo("conforms");
        assertThat(byTest.get("pH").getString("instrument")).isEqualTo("pH-2");
        assertThat(byTest.get("pH").isNull("qualifier")).isTrue();
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }

    @Test
    @Tag("REQ-INGEST-252")
    @Tag("REQ-RELEASE-047")
    void aConsumptionWithoutQuantityIsIngestedWithAWarningServedAsNullAndReportedByAlcoa() throws Exception {
        IngestClient.Answer master = post("master.json", MASTER, Map.of());
        assertThat(master.status()).as(master.body()).isEqualTo(200);
        String xml = new String(document("b2mml/production-performance-v0401.xml"), StandardCharsets.UTF_8);
        assertThat(xml).contains(MCC_QUANTITY);
        IngestClient.Answer a = postBytes("pp.xml", xml.replace(MCC_QUANTITY, "").getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.body()).contains("\"rule\":\"B2MML-QUANTITY\"");

        JsonObject batch = data("""
                { batches(first: 5) { edges { node { key inputs { quantity unit lot { key } } } } } }""")
                .getJsonObject("batches").getJsonArray("edges").getJsonObject(0).getJsonObject("node");
        Map<String, JsonObject> inputs = batch.getJsonArray("inputs").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(i -> i.getJsonObject("lot").getString("key"), i -> i));
        JsonObject mcc = inputs.entrySet().stream().filter(e -> e.getKey().endsWith("LOT-MCC-0311")).findFirst()
                .orElseThrow().getValue();
        assertThat(mcc.isNull("quantity")).isTrue();
        assertThat(mcc.isNull("unit")).isTrue();
        assertThat(inputs.entrySet().stream().filter(e -> e.getKey().endsWith("LOT-API-0098")).findFirst()
                .orElseThrow().getValue().getJsonNumber("quantity").doubleValue()).isEqualTo(250.0);

        JsonArray findings = data("{ alcoa(batch: \"Batch:" + batch.getString("key") + "\") { findings(first: 100) "
                + "{ edges { node { rule { id } recordId explanation } } } } }").getJsonObject("alcoa")
                .getJsonObject("findings").getJsonArray("edges");
        assertThat(findings.stream().map(e -> e.asJsonObject().getJsonObject("node"))
                .filter(n -> n.getJsonObject("rule").getString("id").equals("ALCOA-CO-004")))
                .singleElement().satisfies(n -> assertThat(n.getString("explanation"))
                        .contains("LOT-MCC-0311", "not how much"));
        assertThat(data("{ verifyLedger { ok } }").getJsonObject("verifyLedger").getBoolean("ok")).isTrue();
    }
}
