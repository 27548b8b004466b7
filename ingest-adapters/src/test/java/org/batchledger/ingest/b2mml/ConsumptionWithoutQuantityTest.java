package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Production;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** REQ-INGEST-252: a consumed MaterialActual without Quantity keeps its genealogy edge, quantity empty, and warns. */
@Tag("REQ-INGEST-252")
class ConsumptionWithoutQuantityTest {
    private static final String MCC_QUANTITY = "<Quantity><QuantityString>48.75</QuantityString><DataType>float"
            + "</DataType><UnitOfMeasure>kg</UnitOfMeasure></Quantity>";
    private static final String MCC = "/ProductionPerformance/ProductionResponse[1]/SegmentResponse[1]/MaterialActual[1]";
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    /** The V0401 production performance fixture with the MCC lot's Quantity taken out. */
    private static byte[] withoutMccQuantity() throws IOException {
        String xml = Files.readString(IngestRun.resource("b2mml/production-performance-v0401.xml"));
        assertThat(xml).contains(MCC_QUANTITY);
        return xml.replace(MCC_QUANTITY, "").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aConsumedLotWithoutQuantityIsRecordedWithTheQuantityEmptyAndAWarningNeverAZero() throws IOException {
        IngestRun run = IngestRun.bytes(adapter, withoutMccQuantity(), false);
        Consumption mcc = run.all(Consumption.class).stream().filter(c -> c.lotKey().endsWith("LOT-MCC-0311"))
                .findFirst().orElseThrow();
        assertThat(mcc.quantity()).isNull();
        assertThat(mcc.unit()).isNull();
        assertThat(mcc.batchKey()).endsWith("B2604-12");
        assertThat(mcc.step()).isEqualTo("DISPENSE");
        assertThat(mcc.provenance().locator()).isEqualTo(MCC);
        assertThat(run.all(Consumption.class)).filteredOn(c -> c.lotKey().endsWith("LOT-API-0098")).singleElement()
                .satisfies(c -> assertThat(c.quantity()).isEqualTo(250.0));
        assertThat(run.all(Production.class)).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(296.2));
        assertThat(run.warnings).filteredOn(w -> w.rule().equals("B2MML-QUANTITY")).singleElement().satisfies(w -> {
            assertThat(w.locator()).isEqualTo(MCC);
            assertThat(w.field()).isEqualTo("Quantity");
            assertThat(w.message()).contains("LOT-MCC-0311", "recorded without one");
        });
    }

    @Test
    void aStrictIngestRefusesItNamingThePlace() throws IOException {
        byte[] xml = withoutMccQuantity();
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class,
                () -> IngestRun.bytes(adapter, xml, true));
        assertThat(e.problems()).extracting(IngestFinding::rule, IngestFinding::locator)
                .containsExactly(org.assertj.core.api.Assertions.tuple("B2MML-QUANTITY", MCC));
    }
}
