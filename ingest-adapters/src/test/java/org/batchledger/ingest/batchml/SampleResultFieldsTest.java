package org.batchledger.ingest.batchml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.batchledger.ingest.b2mml.B2mmlAdapter;
import org.batchledger.ingest.b2mml.IngestRun;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.record.TestResult.TestOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-INGEST-250, REQ-INGEST-251: BatchML sample results and B2MML test results keep method, instrument, value,
 * qualifier and the value as written apart.
 */
@Tag("REQ-INGEST-250")
@Tag("REQ-INGEST-251")
class SampleResultFieldsTest {
    private static final String RESULT = "<AnalysisUsed>IPC-HARD-01</AnalysisUsed>\n"
            + "              <Results><ValueString>112</ValueString><UnitOfMeasure>N</UnitOfMeasure></Results>";

    private static String fixture(String name) throws IOException {
        return Files.readString(IngestRun.resource(name));
    }

    @Test
    void aSampleResultAsTheFixtureWritesItIsAPlainNumberWithItsMethodAndNoInstrument() throws IOException {
        TestResult r = IngestRun.file(new BatchMlAdapter(), IngestRun.resource("batchml/batch-production-record-v0700.xml"),
                false).all(TestResult.class).getFirst();
        assertThat(r.method()).isEqualTo("IPC-HARD-01");
        assertThat(r.instrument()).isNull();
        assertThat(r.value()).isEqualTo("112");
        assertThat(r.qualifier()).isNull();
        assertThat(r.rawValue()).isEqualTo("112");
    }

    @Test
    void anEquipmentIdIsTheInstrumentAndAQualifiedValueStringIsSplit() throws IOException {
        String xml = fixture("batchml/batch-production-record-v0700.xml");
        assertThat(xml).contains(RESULT);
        xml = xml.replace(RESULT, "<EquipmentID>HT-3</EquipmentID>\n" + RESULT.replace(">112<", ">&gt;= 110<"));
        TestResult r = IngestRun.bytes(new BatchMlAdapter(), xml.getBytes(StandardCharsets.UTF_8), false)
                .all(TestResult.class).getFirst();
        assertThat(r.method()).isEqualTo("IPC-HARD-01");
        assertThat(r.instrument()).isEqualTo("HT-3");
        assertThat(r.value()).isEqualTo("110");
        assertThat(r.qualifier()).isEqualTo(">=");
        assertThat(r.rawValue()).isEqualTo(">= 110");
        assertThat(r.reading()).isEqualTo(">=110");
    }

    @Test
    void aB2mmlTestResultKeepsItsNumberAndAPassWordOnlyAsWritten() throws IOException {
        String xml = fixture("b2mml/material-v0600.xml");
        TestResult plain = IngestRun.bytes(new B2mmlAdapter(), xml.getBytes(StandardCharsets.UTF_8), false)
                .all(TestResult.class).getFirst();
        assertThat(plain.value()).isEqualTo("4.9");
        assertThat(plain.rawValue()).isEqualTo("4.9");
        assertThat(plain.qualifier()).isNull();
        String words = xml.replace("<ValueString>4.9</ValueString>", "<ValueString>Passed</ValueString>");
        TestResult passed = IngestRun.bytes(new B2mmlAdapter(), words.getBytes(StandardCharsets.UTF_8), false)
                .all(TestResult.class).getFirst();
        assertThat(passed.value()).isNull();
        assertThat(passed.rawValue()).isEqualTo("Passed");
        assertThat(passed.outcome()).isEqualTo(TestOutcome.PASS);
        String censored = xml.replace("<ValueString>4.9</ValueString>", "<ValueString>&lt;LOD</ValueString>");
        TestResult lod = IngestRun.bytes(new B2mmlAdapter(), censored.getBytes(StandardCharsets.UTF_8), false)
                .all(TestResult.class).getFirst();
        assertThat(lod.value()).isNull();
        assertThat(lod.qualifier()).isEqualTo("<LOD");
        assertThat(lod.rawValue()).isEqualTo("<LOD");
    }
}
