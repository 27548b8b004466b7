package org.batchledger.ingest.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.ingest.LabFixtures.Collected;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-INGEST-210")
class AsmAdapterTest {
    private final AsmAdapter adapter = new AsmAdapter();

    private Collected parse(String name) {
        return LabFixtures.parse(adapter, LabFixtures.document("asm", name), null);
    }

    private List<IngestFinding> problems(String json) {
        try {
            LabFixtures.parse(adapter, json, null);
        } catch (InvalidSourceException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    @Tag("REQ-INGEST-250")
    @Tag("REQ-INGEST-251")
    void qubit4FluorescenceAndSampleConcentrationsWithInstrumentTimeAndPointer() {
        Collected out = parse("thermo_fisher_qubit4_example_1.json");
        List<TestResult> rs = out.of(TestResult.class);
        assertThat(rs).hasSize(10);
        TestResult f = rs.getFirst();
        assertThat(f.test()).isEqualTo("fluorescence");
        assertThat(f.value()).isEqualTo("1303.11");
        assertThat(f.unit()).isEqualTo("RFU");
        assertThat(f.sampleId()).isEqualTo("Sample_#231212-064054");
        assertThat(f.subject()).isEqualTo(new RecordRef(RecordType.BATCH, "lab:2023-12-12"));
        assertThat(f.method()).isEqualTo("1x dsDNA High Sensitivity");
        assertThat(f.instrument()).isEqualTo("Thermo Fisher Scientific Qubit 4"); // device identifier N/A: no serial
        assertThat(f.qualifier()).isNull();
        assertThat(f.rawValue()).isEqualTo("1303.11");
        assertThat(f.testedAt()).isEqualTo(Instant.parse("2023-12-12T06:40:54Z"));
        assertThat(f.key()).isEqualTo("lab:THERMO_FISHER_QUBIT4_TEST_ID_0/fluorescence");
        assertThat(f.provenance().locator()).isEqualTo("/spectrophotometry aggregate document/spectrophotometry document/0"
                + "/measurement aggregate document/measurement document/0/fluorescence");
        assertThat(rs).anySatisfy(r -> {
            assertThat(r.test()).isEqualTo("original sample concentration");
            assertThat(r.value()).isEqualTo("6.08");
            assertThat(r.unit()).isEqualTo("ng/µL");
        });
        assertThat(rs).noneMatch(r -> r.test().contains("dilution"));
    }

    @Test
    @Tag("REQ-INGEST-250")
    void flex2AnalytesGasesAndPhOnTheBatchByTheAnalyst() {
        List<TestResult> rs = parse("SampleResults2022-06-28_142558.json").of(TestResult.class);
        assertThat(rs).extracting(TestResult::test).contains("glucose mass concentration", "sodium molar concentration",
                "pO2", "pH", "temperature");
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.analyst()).isEqualTo("ANALYST1");
            assertThat(r.subject()).isEqualTo(new RecordRef(RecordType.BATCH, "lab:BATCH_123"));
            assertThat(r.method()).isNull();
            assertThat(r.instrument()).isEqualTo("Nova Biomedical Flex2");
        });
        assertThat(rs).filteredOn(r -> r.test().equals("glucose mass concentration")).singleElement()
                .satisfies(r -> assertThat(r.provenance().locator()).endsWith(
                        "/analyte aggregate document/analyte document/3/mass concentration"));
        assertThat(rs).extracting(TestResult::key).doesNotHaveDuplicates();
    }

    @Test
    void genesys30SpectrumIsAResultWithoutValuePointingAtItsCube() {
        Collected out = parse("thermo_fisher_genesys30_example_02.json");
        assertThat(out.of(TestResult.class)).singleElement().satisfies(r -> {
            assertThat(r.test()).isEqualTo("absorption spectrum");
            assertThat(r.value()).isNull();
            assertThat(r.unit()).isEqualTo("mAU");
            assertThat(r.sampleId()).isNull();
            assertThat(r.provenance().locator()).endsWith("/measurement document/0/absorption spectrum data cube");
        });
        assertThat(out.warningRules()).containsExactlyInAnyOrder("ASM-SAMPLE", "ASM-DATA-CUBE");
    }

    @Test
    @Tag("REQ-INGEST-211")
    void cellCountingPlateReaderAndChromatographyPeaks() {
        Collected cells = parse("generated_cell_counting.json");
        assertThat(cells.of(TestResult.class)).extracting(TestResult::test, TestResult::value).contains(
                org.assertj.core.groups.Tuple.tuple("viability (cell counter)", "94.5"),
                org.assertj.core.groups.Tuple.tuple("total cell count", null));
        assertThat(cells.warningRules()).containsExactly("ASM-NUMBER");
        assertThat(cells.of(TestResult.class).getFirst().method()).isNull();
        assertThat(cells.of(TestResult.class).getFirst().instrument()).isEqualTo("Beckman Coulter Vi-CELL BLU (VC-0042)");

        List<TestResult> plate = parse("generated_plate_reader.json").of(TestResult.class);
        assertThat(plate).extracting(TestResult::subject).containsExactly(new RecordRef(RecordType.LOT, "lab:LOT-9"), null);
        assertThat(plate.getFirst().method()).isEqualTo("ELISA-HCP v3");
        assertThat(plate.getFirst().instrument()).isEqualTo("Molecular Devices SpectraMax M5");
        assertThat(plate.getFirst().analyst()).isEqualTo("asmith");

        List<TestResult> lc = parse("generated_liquid_chromatography.json").of(TestResult.class);
        assertThat(lc).extracting(TestResult::test).containsExactly("peak main peak area", "peak main retention time",
                "peak main relative peak area", "peak impurity A peak area", "peak impurity A retention time",
                "peak impurity A relative peak area", "chromatogram");
        assertThat(lc).allSatisfy(r -> assertThat(r.testedAt()).isEqualTo(Instant.parse("2026-03-03T09:30:00Z")));
    }

    @Test
    @Tag("REQ-INGEST-211")
    void anUnknownTechniqueIsImportedGenericallyWithAWarning() {
        Collected out = parse("generated_unknown_technique.json");
        assertThat(out.of(TestResult.class)).extracting(TestResult::test, TestResult::value, TestResult::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("osmolality", "312", "mOsm/kg"));
        assertThat(out.warningRules()).containsExactly("ASM-TECHNIQUE");
    }

    @Test
    @Tag("REQ-INGEST-212")
    void notJsonIsRefusedWithItsPosition() {
        assertThat(problems("{\"$asm.manifest\": \"x\", \"a aggregate document\": {\"a document\": [}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("ASM-JSON");
                    assertThat(p.locator()).startsWith("line 1, column");
                });
        assertThat(problems("{\"$asm.manifest\": \"x\", \"a aggregate")).extracting(IngestFinding::rule)
                .containsExactly("ASM-JSON");
    }

    @Test
    @Tag("REQ-INGEST-212")
    void missingRequiredMembersAreRefusedWithTheirPointer() {
        assertThat(problems("{\"a aggregate document\": {\"a document\": []}}")).singleElement()
                .satisfies(p -> assertThat(p.locator()).isEqualTo("/$asm.manifest"));
        assertThat(problems("{\"$asm.manifest\": \"m\", \"a aggregate document\": {\"a document\": [{}]}}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("ASM-REQUIRED");
                    assertThat(p.locator()).isEqualTo("/a aggregate document/a document/0");
                });
        assertThat(problems("""
                {"$asm.manifest": "m", "a aggregate document": {"a document": [{"measurement aggregate document":
                  {"measurement document": [{"x": {"value": 1, "unit": "g"}}]}}]}}"""))
                .singleElement().satisfies(p -> assertThat(p.locator())
                        .isEqualTo("/a aggregate document/a document/0/measurement aggregate document/measurement document/0"));
        assertThat(problems("""
                {"$asm.manifest": "m", "a aggregate document": {"a document": [{"measurement aggregate document":
                  {"measurement time": "2026-03-01T08:00:00", "measurement document": [{"x": {"value": 1, "unit": "g"}}]}}]}}"""))
                .extracting(IngestFinding::rule).containsExactly("ASM-TIME");
    }

    @Test
    @Tag("REQ-INGEST-206")
    void sniffsTheManifestMemberOnly() {
        assertThat(adapter.recognises(LabFixtures.sample(LabFixtures.document("asm", "thermo_fisher_qubit4_example_1.json"))))
                .isEqualTo(80);
        assertThat(adapter.recognises(new ContentSample("{\"records\": []}".getBytes(StandardCharsets.UTF_8)))).isZero();
        assertThat(adapter.recognises(LabFixtures.sample(LabFixtures.document("asm", "thermo_fisher_qubit4_example_1.csv"))))
                .isZero();
    }
}
