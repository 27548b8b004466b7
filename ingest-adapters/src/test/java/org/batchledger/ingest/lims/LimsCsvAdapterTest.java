package org.batchledger.ingest.lims;

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
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-INGEST-200")
class LimsCsvAdapterTest {
    static final String HEADER = "sample_id,lot_id,batch_id,test,method,value,unit,lower_limit,upper_limit,qualifier,"
            + "result_time,analyst,instrument,outcome\n";
    private final LimsCsvAdapter adapter = new LimsCsvAdapter();

    private Collected parse(String csv) {
        return LabFixtures.parse(adapter, csv, null);
    }

    private List<IngestFinding> problems(String csv, String mapping) {
        try {
            LabFixtures.parse(adapter, csv, mapping);
        } catch (InvalidSourceException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void aDefaultLayoutRowBecomesATestResultOnItsLotWithLimitsOutcomeAndLine() {
        Collected out = parse("\uFEFF" + HEADER
                + "S-1,LOT-7,,Assay,HPLC-12,99.2,%,98.0,102.0,,2026-03-01T08:15:00+01:00,jdoe,HPLC-3,\n");
        TestResult r = out.of(TestResult.class).getFirst();
        assertThat(r.key()).isEqualTo("lab:S-1/Assay/2026-03-01T07:15:00Z");
        assertThat(r.subject()).isEqualTo(new RecordRef(RecordType.LOT, "lab:LOT-7"));
        assertThat(r.sampleId()).isEqualTo("S-1");
        assertThat(r.method()).isEqualTo("HPLC-12");
        assertThat(r.instrument()).isEqualTo("HPLC-3");
        assertThat(r.value()).isEqualTo("99.2");
        assertThat(r.qualifier()).isNull();
        assertThat(r.rawValue()).isEqualTo("99.2");
        assertThat(r.lowerLimit()).isEqualTo(98.0);
        assertThat(r.outcome()).isEqualTo(TestOutcome.PASS);
        assertThat(r.testedAt()).isEqualTo(Instant.parse("2026-03-01T07:15:00Z"));
        assertThat(r.analyst()).isEqualTo("jdoe");
        assertThat(r.provenance().locator()).isEqualTo("line 2");
        assertThat(r.provenance().eventAt()).isEqualTo(r.testedAt());
        assertThat(out.warnings()).isEmpty();
    }

    @Test
    void aSampleOnlyResultHasNoSubjectAndABatchIdNamesTheBatch() {
        List<TestResult> rs = parse(HEADER
                + "S-1,,,pH,,7.01,pH,6.5,7.5,,2026-03-01T08:15:00Z,,,\n"
                + "S-2,,B-9,pH,,7.90,pH,6.5,7.5,,2026-03-01T08:16:00Z,,,\n").of(TestResult.class);
        assertThat(rs.get(0).subject()).isNull();
        assertThat(rs.get(0).sampleId()).isEqualTo("S-1");
        assertThat(rs.get(1).subject()).isEqualTo(new RecordRef(RecordType.BATCH, "lab:B-9"));
        assertThat(rs.get(1).outcome()).isEqualTo(TestOutcome.OOS);
        assertThat(rs.get(1).value()).isEqualTo("7.90");
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndNewlinesAndTheLocatorIsTheRowsFirstLine() {
        List<TestResult> rs = parse(HEADER
                + "S-1,,,\"Appearance, visual\",\"SOP-1\nrev 2\",0.1,,,,,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,Water,,0.2,%,,0.5,,2026-03-01T08:15:00Z,,,\n").of(TestResult.class);
        assertThat(rs.get(0).test()).isEqualTo("Appearance, visual");
        assertThat(rs.get(0).method()).isEqualTo("SOP-1\nrev 2");
        assertThat(rs.get(1).provenance().locator()).isEqualTo("line 4");
    }

    @Test
    @Tag("REQ-INGEST-201")
    @Tag("REQ-INGEST-251")
    void qualifiersAreKeptApartFromTheNumberAndDecideTheOutcomeOnlyWhereTheyCannotBeWrong() {
        List<TestResult> rs = parse(HEADER
                + "S-1,,,Impurity A,,<0.05,%,,0.10,,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,Impurity B,,,%,,0.10,<LOQ,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,Titer,,>ULOQ,g/L,1,5,,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,Impurity C,,0.2,%,,0.10,<,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,Impurity D,,ND,%,,0.10,,2026-03-01T08:15:00Z,,,\n").of(TestResult.class);
        assertThat(rs).extracting(TestResult::value).containsExactly("0.05", null, null, "0.2", null);
        assertThat(rs).extracting(TestResult::qualifier).containsExactly("<", "<LOQ", ">ULOQ", "<", "ND");
        assertThat(rs).extracting(TestResult::rawValue).containsExactly("<0.05", null, ">ULOQ", "0.2", "ND");
        assertThat(rs).extracting(TestResult::reading).containsExactly("<0.05", "<LOQ", ">ULOQ", "<0.2", "ND");
        assertThat(rs).extracting(TestResult::outcome).containsExactly(TestOutcome.PASS, TestOutcome.PENDING,
                TestOutcome.PENDING, TestOutcome.PENDING, TestOutcome.PENDING);
    }

    @Test
    @Tag("REQ-INGEST-201")
    void wordsWhereANumberBelongsGiveAResultWithoutAValueAndAWarningNeverAZero() {
        Collected out = parse(HEADER + "S-1,,,Assay,,Error,%,98,102,,2026-03-01T08:15:00Z,,,\n");
        TestResult r = out.of(TestResult.class).getFirst();
        assertThat(r.value()).isNull();
        assertThat(r.qualifier()).isNull();
        assertThat(r.rawValue()).isEqualTo("Error");
        assertThat(r.outcome()).isNull();
        assertThat(out.warnings()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("CSV-NUMBER");
            assertThat(w.locator()).isEqualTo("line 2");
            assertThat(w.field()).isEqualTo("value");
        });
    }

    @Test
    void aStatedOutcomeWinsButAContradictionWithTheLimitsIsWarned() {
        Collected out = parse(HEADER + "S-1,,,Assay,,97.0,%,98,102,,2026-03-01T08:15:00Z,,,PASS\n");
        assertThat(out.of(TestResult.class).getFirst().outcome()).isEqualTo(TestOutcome.PASS);
        assertThat(out.warningRules()).containsExactly("CSV-OUTCOME-LIMITS");
    }

    @Test
    void semicolonsAreFoundFromTheHeaderAndAMappingGivesDecimalCommaAndZone() {
        String csv = "Probe;Charge;Prüfung;Ergebnis;Einheit;OG;Zeit\n"
                + "P-1;L-1;Gehalt;99,5;%;100,5;01.03.2026 08:15\n";
        String mapping = """
                delimiter: ";"
                decimalComma: true
                zone: Europe/Berlin
                timeFormat: "dd.MM.yyyy HH:mm"
                columns: {sampleId: Probe, lotId: Charge, test: Prüfung, value: Ergebnis, unit: Einheit,
                          upperLimit: OG, resultTime: Zeit}
                """;
        TestResult r = LabFixtures.parse(adapter, csv, mapping).of(TestResult.class).getFirst();
        assertThat(r.value()).isEqualTo("99.5");
        assertThat(r.rawValue()).isEqualTo("99,5");
        assertThat(r.upperLimit()).isEqualTo(100.5);
        assertThat(r.testedAt()).isEqualTo(Instant.parse("2026-03-01T07:15:00Z"));
        assertThat(r.outcome()).isEqualTo(TestOutcome.PASS);
        assertThat(parse(HEADER.replace(',', ';') + "S-1;;;pH;;7;pH;;;;2026-03-01T08:15:00Z;;;\n")
                .of(TestResult.class)).hasSize(1);
    }

    @Test
    @Tag("REQ-INGEST-202")
    void aMissingRequiredColumnIsRefusedNamingTheColumn() {
        assertThat(problems("sample_id,test,result_time\nS-1,pH,2026-03-01T08:15:00Z\n", null))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("CSV-COLUMN");
                    assertThat(p.locator()).isEqualTo("line 1");
                    assertThat(p.message()).contains("value");
                });
    }

    @Test
    @Tag("REQ-INGEST-202")
    void aWordWhereTheMappingRequiresANumberIsRefused() {
        String mapping = """
                columns: {sampleId: sample, test: test, resultTime: time}
                results: [{value: result, numeric: true}]
                """;
        assertThat(problems("sample,test,result,time\nS-1,pH,n/a,2026-03-01T08:15:00Z\n", mapping))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("CSV-NUMBER");
                    assertThat(p.locator()).isEqualTo("line 2");
                    assertThat(p.field()).isEqualTo("result");
                });
    }

    @Test
    @Tag("REQ-INGEST-202")
    void aNonNumericLimitIsRefused() {
        assertThat(problems(HEADER + "S-1,,,pH,,7,pH,low,7.5,,2026-03-01T08:15:00Z,,,\n", null))
                .extracting(IngestFinding::rule, IngestFinding::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CSV-NUMBER", "lower_limit"));
    }

    @Test
    @Tag("REQ-INGEST-202")
    void aBadDateAndATimeWithoutAZoneAreRefusedWithLineAndColumn() {
        List<IngestFinding> ps = problems(HEADER
                + "S-1,,,pH,,7,pH,,,,2026-02-30T08:15:00Z,,,\n"
                + "S-1,,,pH,,7,pH,,,,2026-03-01T08:15:00,,,\n", null);
        assertThat(ps).extracting(IngestFinding::rule).containsExactly("CSV-DATE", "CSV-TIME-ZONE");
        assertThat(ps).extracting(IngestFinding::locator).containsExactly("line 2", "line 3");
        assertThat(ps).extracting(IngestFinding::field).containsOnly("result_time");
    }

    @Test
    @Tag("REQ-INGEST-202")
    void theSameSampleTestAndTimeTwiceIsADuplicate() {
        assertThat(problems(HEADER
                + "S-1,,,pH,,7,pH,,,,2026-03-01T08:15:00Z,,,\n"
                + "S-1,,,pH,,7.1,pH,,,,2026-03-01T09:15:00+01:00,,,\n", null))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("CSV-DUPLICATE");
                    assertThat(p.locator()).isEqualTo("line 3");
                    assertThat(p.message()).contains("line 2");
                });
    }

    @Test
    @Tag("REQ-INGEST-202")
    void anUnterminatedQuoteIsRefusedAtTheLineItOpens() {
        assertThat(problems(HEADER + "S-1,,,pH,,7,pH,,,,2026-03-01T08:15:00Z,,,\n"
                + "S-2,,,\"pH,,7,pH,,,,2026-03-01T08:15:00Z,,,\nS-3\n", null))
                .singleElement().satisfies(p -> {
                    assertThat(p.rule()).isEqualTo("CSV-QUOTE");
                    assertThat(p.locator()).isEqualTo("line 3");
                });
    }

    @Test
    @Tag("REQ-INGEST-202")
    void bytesThatAreNotUtf8AreRefusedNeverReplaced() {
        byte[] csv = (HEADER + "S-1,,,pH,,7,pH,,,,2026-03-01T08:15:00Z,M\u00fcller,,\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            LabFixtures.parse(adapter, csv, null);
            throw new AssertionError("expected a refusal");
        } catch (InvalidSourceException e) {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.rule()).isEqualTo("CSV-ENCODING");
                assertThat(p.locator()).isEqualTo("line 2");
            });
        }
        String latin1 = "encoding: ISO-8859-1\n";
        assertThat(LabFixtures.parse(adapter, csv, latin1.getBytes(StandardCharsets.UTF_8)).of(TestResult.class))
                .singleElement().satisfies(r -> assertThat(r.analyst()).isEqualTo("Müller"));
    }

    @Test
    void aMappingWithAnUnknownKeyOrFieldIsRefusedWithItsPointer() {
        assertThat(problems(HEADER, "colums: {}\n")).singleElement()
                .satisfies(p -> assertThat(p.locator()).isEqualTo("mapping /colums"));
        assertThat(problems(HEADER, "columns: {sample: x}\n")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("CSV-MAPPING"));
    }

    @Test
    void aJsonMappingWorksLikeYamlAndStrictMakesWordsAndShortRowsErrors() {
        String json = "{\"strict\": true, \"columns\": {\"sampleId\": \"Sample\", \"test\": \"Test\", "
                + "\"value\": \"Result\", \"resultTime\": \"Time\"}}";
        assertThat(LabFixtures.parse(adapter, "Sample,Test,Result,Time\nS-1,pH,7.0,2026-03-01T08:15:00Z\n", json)
                .of(TestResult.class)).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("7.0"));
        assertThat(problems("Sample,Test,Result,Time\nS-1,pH,Error,2026-03-01T08:15:00Z\nS-2,pH\n", json))
                .extracting(IngestFinding::rule, IngestFinding::locator).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CSV-NUMBER", "line 2"),
                        org.assertj.core.groups.Tuple.tuple("CSV-ROW-LENGTH", "line 3"));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(problems("", null)).extracting(IngestFinding::rule).containsExactly("CSV-EMPTY");
    }

    @Test
    @Tag("REQ-INGEST-206")
    void sniffsTheDefaultHeaderAndBundledInstrumentHeadersButNotJsonOrXml() {
        assertThat(adapter.recognises(new ContentSample(HEADER.getBytes(StandardCharsets.UTF_8)))).isEqualTo(60);
        assertThat(adapter.recognises(LabFixtures.sample(LabFixtures.document("asm", "thermo_fisher_qubit4_example_1.csv"))))
                .isEqualTo(55);
        assertThat(adapter.recognises(LabFixtures.sample(LabFixtures.document("asm", "thermo_fisher_genesys30_example_02.csv"))))
                .isZero();
        assertThat(adapter.recognises(new ContentSample("{\"test\":1}".getBytes(StandardCharsets.UTF_8)))).isZero();
    }
}
