package org.batchledger.ingest.batchml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.b2mml.IngestRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What makes a source signature a signature (who, when, meaning) is strict; the XML rules hold for BatchML too. */
class BadBatchRecordTest {
    private static final String V0700 = "http://www.mesa.org/xml/B2MML";
    private final BatchMlAdapter adapter = new BatchMlAdapter();

    private List<IngestFinding> refused(String xml) {
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class,
                () -> IngestRun.bytes(adapter, xml.getBytes(StandardCharsets.UTF_8), false));
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    private static String record(String manifest) {
        return "<BatchProductionRecord xmlns=\"" + V0700 + "\"><ID>BPR-1</ID><BatchID>B-1</BatchID>"
                + "<PersonnelIdentification><PersonnelIdentificationManifest><EntryID>S-1</EntryID>"
                + "<ObjectType>Personnel Identification Manifest</ObjectType>" + manifest
                + "</PersonnelIdentificationManifest></PersonnelIdentification></BatchProductionRecord>";
    }

    @Test
    @Tag("REQ-INGEST-125")
    void aSignatureWithAMeaningWeCannotNameIsRefused() {
        List<IngestFinding> p = refused(record("<TimeStamp>2026-01-01T10:00:00Z</TimeStamp><RecordReference>BPR-1"
                + "</RecordReference><Name>a.b</Name><ChangeIndication>Looked at</ChangeIndication>"));
        assertThat(p).extracting(IngestFinding::rule).containsExactly("BATCHML-SIGNATURE-MEANING");
        assertThat(p.getFirst().locator()).isEqualTo(
                "/BatchProductionRecord/PersonnelIdentification[1]/PersonnelIdentificationManifest[1]");
    }

    @Test
    @Tag("REQ-INGEST-125")
    void aSignatureWithoutTimeOrPersonIsRefusedNamingBoth() {
        List<IngestFinding> p = refused(record("<RecordReference>BPR-1</RecordReference><Name/>"
                + "<ChangeIndication>Approved</ChangeIndication>"));
        assertThat(p).extracting(IngestFinding::rule)
                .containsExactly("BATCHML-SIGNATURE-WHO", "BATCHML-SIGNATURE-TIME");
    }

    @Test
    @Tag("REQ-INGEST-125")
    void aSignatureTimeWithoutZoneIsRefused() {
        List<IngestFinding> p = refused(record("<TimeStamp>2026-01-01T10:00:00</TimeStamp><RecordReference>BPR-1"
                + "</RecordReference><Name>a.b</Name><ChangeIndication>Approved</ChangeIndication>"));
        assertThat(p).extracting(IngestFinding::rule).containsExactly("TIME-ZONE");
    }

    @Test
    @Tag("REQ-INGEST-120")
    void aRecordWithoutAnyIdentityIsRefused() {
        assertThat(refused("<BatchProductionRecord xmlns=\"" + V0700 + "\"><RecordStatus>Complete</RecordStatus>"
                + "</BatchProductionRecord>")).extracting(IngestFinding::rule).containsExactly("ID-MISSING");
    }

    @Test
    @Tag("REQ-INGEST-106")
    void aDoctypeInABatchRecordIsRefused() {
        assertThat(refused("<?xml version=\"1.0\"?>\n<!DOCTYPE BatchProductionRecord [<!ENTITY x \"y\">]>\n"
                + "<BatchProductionRecord xmlns=\"" + V0700 + "\"><ID>&x;</ID></BatchProductionRecord>").getFirst()
                .rule()).isEqualTo("XML-DOCTYPE");
    }

    @Test
    @Tag("REQ-INGEST-108")
    void aBatchRecordInAnUnknownNamespaceIsRefused() {
        assertThat(refused("<BatchProductionRecord xmlns=\"urn:vendor:batch\"><ID>B</ID></BatchProductionRecord>")
                .getFirst().rule()).isEqualTo("XML-NAMESPACE");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void aTruncatedBatchRecordIsRefusedWithItsLine() {
        IngestFinding f = refused("<BatchProductionRecord xmlns=\"" + V0700 + "\">\n<ID>B</ID>\n<Events><Event>")
                .getFirst();
        assertThat(f.rule()).isEqualTo("XML-WELL-FORMED");
        assertThat(f.locator()).startsWith("line 3");
    }
}
