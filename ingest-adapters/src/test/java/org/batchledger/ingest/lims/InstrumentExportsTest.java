package org.batchledger.ingest.lims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The three real instrument exports of the shared samples: two ingest through a shipped mapping, one is refused. */
@Tag("REQ-INGEST-203")
class InstrumentExportsTest {
    private final LimsCsvAdapter adapter = new LimsCsvAdapter();

    private static Path sample(String name) {
        return LabFixtures.document("asm", name);
    }

    @Test
    @Tag("REQ-INGEST-250")
    @Tag("REQ-INGEST-251")
    void qubit4IngestsThroughItsMappingReadingTheSecondUnitsColumn() {
        List<TestResult> rs = LabFixtures.parse(adapter, sample("thermo_fisher_qubit4_example_1.csv"),
                BundledMappings.bytes("thermo-fisher-qubit4.yaml")).of(TestResult.class);
        assertThat(rs).hasSize(6);
        TestResult first = rs.getFirst();
        assertThat(first.sampleId()).isEqualTo("Sample_#231212-064054");
        assertThat(first.subject()).isNull();
        assertThat(first.test()).isEqualTo("original sample concentration");
        assertThat(first.value()).isEqualTo("6.08");
        assertThat(first.unit()).isEqualTo("ng/µL");
        assertThat(first.method()).isEqualTo("1x dsDNA High Sensitivity");
        assertThat(first.instrument()).isEqualTo("Thermo Fisher Qubit 4");
        assertThat(first.qualifier()).isNull();
        assertThat(first.rawValue()).isEqualTo("6.08");
        assertThat(first.testedAt()).isEqualTo(Instant.parse("2023-12-12T06:40:54Z"));
        assertThat(rs.get(1).unit()).isEqualTo("ng/mL");
        assertThat(rs.get(1).value()).isEqualTo("30.4");
    }

    @Test
    void qubit4ChosenByContentAloneIsRefusedForItsZonelessTimes() {
        assertThatThrownBy(() -> LabFixtures.parse(adapter, sample("thermo_fisher_qubit4_example_1.csv"), null))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .extracting(IngestFinding::rule).containsOnly("CSV-TIME-ZONE"));
    }

    @Test
    void flex2IngestsEveryAnalyteOnItsBatchWithTheOperator() {
        List<TestResult> rs = LabFixtures.parse(adapter, sample("SampleResults2022-06-28_142558.csv"),
                BundledMappings.bytes("novabio-flex2.yaml")).of(TestResult.class);
        assertThat(rs).hasSize(15);
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.subject()).isEqualTo(new RecordRef(RecordType.BATCH, "lab:BATCH_123"));
            assertThat(r.sampleId()).isEqualTo("SMPL_1234");
            assertThat(r.analyst()).isEqualTo("ANALYST1");
            assertThat(r.testedAt()).isEqualTo(Instant.parse("2022-06-24T14:34:52Z"));
            assertThat(r.instrument()).isEqualTo("Nova BioProfile FLEX2"); // the mapping's fixed instrument
        });
        assertThat(rs).filteredOn(r -> r.test().equals("glucose")).singleElement()
                .satisfies(r -> assertThat(r.value() + " " + r.unit()).isEqualTo("2.65 g/L"));
        assertThat(rs).filteredOn(r -> r.test().equals("vessel temperature")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("37.0"));
    }

    @Test
    void genesys30SpectrumIsRefusedAsNoResultTable() {
        assertThatThrownBy(() -> LabFixtures.parse(adapter, sample("thermo_fisher_genesys30_example_02.csv"), null))
                .isInstanceOf(InvalidSourceException.class)
                .satisfies(e -> assertThat(((InvalidSourceException) e).problems())
                        .allSatisfy(p -> {
                            assertThat(p.rule()).isEqualTo("CSV-COLUMN");
                            assertThat(p.locator()).isEqualTo("line 1");
                        }));
    }
}
