package org.batchledger.ingest.animl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.ingest.LabFixtures.Collected;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-INGEST-220")
class AnimlAdapterTest {
    private static final String NS = "urn:org:astm:animl:schema:core:draft:0.90";
    private final AnimlAdapter adapter = new AnimlAdapter();

    private List<IngestFinding> problems(String xml) {
        try {
            LabFixtures.parse(adapter, xml, null);
        } catch (InvalidSourceException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    @Tag("REQ-INGEST-251")
    void theRealKitchenSinkSampleIngestsItsSeriesAndParameterOnTheSample() {
        Collected out = LabFixtures.parse(adapter, LabFixtures.document("animl", "animl_0.90.xml"), null);
        List<TestResult> rs = out.of(TestResult.class);
        assertThat(rs).extracting(TestResult::test, TestResult::value, TestResult::unit).containsExactly(
                tuple("data1/sub-data2/magic", "42", "m"),
                tuple("data1/sub-data2/data-set-1/fibonacci", "1 1 2 3 5", null),
                tuple("data1/sub-data2/data-set-1/na", "0 1 2 3 4", null),
                tuple("data1/sub-data2/data-set-1/bin-1", null, null));
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.sampleId()).isEqualTo("js1");
            assertThat(r.subject()).isNull();
            assertThat(r.testedAt()).isNull();
            assertThat(r.provenance().eventAt()).isEqualTo(LabFixtures.RECEIVED);
            assertThat(r.instrument()).isNull(); // the sample's results are in no step: its Device is the method's
            assertThat(r.qualifier()).isNull();
            assertThat(r.rawValue()).isEqualTo(r.value());
        });
        assertThat(rs.get(1).provenance().locator())
                .isEqualTo("/AnIML/SampleSet[1]/Sample[1]/Category[1]/Category[1]/SeriesSet[1]/Series[1]");
        assertThat(rs.get(1).key()).isEqualTo("lab:sample:js1/data1/sub-data2/data-set-1/fibonacci");
        assertThat(out.warningRules()).containsExactlyInAnyOrder("ANIML-TIME", "ANIML-VALUES");
    }

    @Test
    @Tag("REQ-INGEST-250")
    void experimentStepResultsCarryMethodDeviceAuthorTimeAndTheReferencedSample() {
        List<TestResult> rs = LabFixtures.parse(adapter, LabFixtures.document("animl", "generated_experiment.xml"), null)
                .of(TestResult.class);
        assertThat(rs).extracting(TestResult::test, TestResult::value, TestResult::unit).containsExactly(
                tuple("spectrum/scan/wavelength", "250.0 250.5 251.0", "nm"),
                tuple("spectrum/scan/absorbance", "0.1 0.2 0.3", "AU"),
                tuple("spectrum/evaluation/assay", "99.3", "%"));
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("Assay UV-12");
            assertThat(r.instrument()).isEqualTo("Cary 60 (MY-123)");
            assertThat(r.analyst()).isEqualTo("J. Doe");
            assertThat(r.sampleId()).isEqualTo("S-7");
            assertThat(r.testedAt()).isEqualTo(Instant.parse("2026-03-01T07:15:00Z"));
            assertThat(r.key()).startsWith("lab:step:E-1/");
        });
    }

    @Test
    void aTemplateInsideAResultLendsNothingToItsStepAndGivesNoResults() {
        String xml = "<AnIML xmlns='" + NS + "'><ExperimentStepSet><ExperimentStep name='e' experimentStepID='E-2'>"
                + "<Infrastructure><Timestamp>2026-03-01T08:00:00Z</Timestamp></Infrastructure>"
                + "<Method name='real'/><Result name='r'>"
                + "<SeriesSet name='s' length='1'><Series name='a' seriesID='a' seriesType='Int32'>"
                + "<IndividualValueSet><I>1</I></IndividualValueSet></Series></SeriesSet>"
                + "<ExperimentStepSet><Template name='t' templateID='T'><Infrastructure><Timestamp>1999-01-01T00:00:00Z"
                + "</Timestamp></Infrastructure><Method name='template'/><Result name='tr'><SeriesSet name='s' length='1'>"
                + "<Series name='b' seriesID='b' seriesType='Int32'><IndividualValueSet><I>2</I></IndividualValueSet>"
                + "</Series></SeriesSet></Result></Template><ExperimentStep name='inner' experimentStepID='E-3'/>"
                + "</ExperimentStepSet></Result></ExperimentStep></ExperimentStepSet></AnIML>";
        assertThat(LabFixtures.parse(adapter, xml, null).of(TestResult.class)).singleElement().satisfies(r -> {
            assertThat(r.test()).isEqualTo("r/s/a");
            assertThat(r.method()).isEqualTo("real");
            assertThat(r.testedAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        });
    }

    @Test
    void aSampleTaggedWithALotNamesItAsSubject() {
        String xml = "<AnIML xmlns='" + NS + "'><SampleSet><Sample name='s' sampleID='S-1'><TagSet><Tag name='lot' value='LOT-3'/>"
                + "</TagSet><Category name='c'><Parameter name='p' parameterType='Int32'><I>4</I></Parameter></Category>"
                + "</Sample></SampleSet></AnIML>";
        assertThat(LabFixtures.parse(adapter, xml, null).of(TestResult.class)).singleElement()
                .satisfies(r -> assertThat(r.subject()).isEqualTo(new RecordRef(RecordType.LOT, "lab:LOT-3")));
    }

    @Test
    @Tag("REQ-INGEST-221")
    void aSeriesOutsideASeriesSetIsRefusedWithItsXPath() {
        String xml = "<AnIML xmlns='" + NS + "'><SampleSet><Sample name='s' sampleID='S-1'><Category name='c'>"
                + "<Series name='x' seriesType='Int32'><IndividualValueSet><I>1</I></IndividualValueSet></Series>"
                + "</Category></Sample></SampleSet></AnIML>";
        assertThat(problems(xml)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("ANIML-STRUCTURE");
            assertThat(p.locator()).isEqualTo("/AnIML/SampleSet[1]/Sample[1]/Category[1]/Series[1]");
            assertThat(p.message()).contains("SeriesSet");
        });
    }

    @Test
    @Tag("REQ-INGEST-221")
    void aWrongNamespaceADoctypeAndBrokenXmlAreRefused() {
        assertThat(problems("<AnIML xmlns='urn:other'/>")).extracting(IngestFinding::rule)
                .containsExactly("ANIML-NAMESPACE");
        assertThat(problems("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x 'y'>]><AnIML xmlns='" + NS + "'>&x;</AnIML>"))
                .extracting(IngestFinding::rule).containsExactly("XML-DOCTYPE");
        assertThat(problems("<AnIML xmlns='" + NS + "'><SampleSet>")).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("XML-WELL-FORMED"));
    }

    @Test
    @Tag("REQ-INGEST-206")
    void sniffsTheRootAndNamespace() {
        assertThat(adapter.recognises(LabFixtures.sample(LabFixtures.document("animl", "animl_0.90.xml")))).isEqualTo(90);
        assertThat(adapter.recognises(new org.batchledger.ingest.ContentSample("<AnIML/>".getBytes()))).isZero();
    }
}
