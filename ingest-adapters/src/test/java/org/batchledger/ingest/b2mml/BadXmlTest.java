package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bad XML is refused with a typed error naming rule and place; nothing leaks, nothing is half-read. */
class BadXmlTest {
    private static final String V0401 = "http://www.wbf.org/xml/B2MML-V0401";
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    private IngestFinding refused(String xml) {
        return refusedBytes(xml.getBytes(StandardCharsets.UTF_8), false);
    }

    private IngestFinding refusedBytes(byte[] bytes, boolean strict) {
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class,
                () -> IngestRun.bytes(adapter, bytes, strict));
        assertThat(e).as("refused").isNotNull();
        return e.problems().getFirst();
    }

    @Test
    @Tag("REQ-INGEST-106")
    void anExternalEntityIsRefusedNamingTheLineAndNothingIsRead() {
        IngestFinding f = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<MaterialLot xmlns=\"" + V0401 + "\"><ID>&e;</ID></MaterialLot>");
        assertThat(f.rule()).isEqualTo("XML-DOCTYPE");
        assertThat(f.locator()).startsWith("line 2");
        assertThat(f.message()).doesNotContain("root:");
    }

    @Test
    @Tag("REQ-INGEST-106")
    void anEntityExpansionBombIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        IngestFinding f = refused("<?xml version=\"1.0\"?>\n" + dtd + "\n<MaterialLot xmlns=\"" + V0401
                + "\"><ID>&lol9;</ID></MaterialLot>");
        assertThat(f.rule()).isEqualTo("XML-DOCTYPE");
    }

    @Test
    @Tag("REQ-INGEST-106")
    void aPlainDoctypeIsRefusedToo() {
        assertThat(refused("<!DOCTYPE MaterialLot SYSTEM \"http://example.invalid/b2mml.dtd\">\n<MaterialLot xmlns=\""
                + V0401 + "\"><ID>L1</ID></MaterialLot>").rule()).isEqualTo("XML-DOCTYPE");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void malformedXmlIsRefusedWithLineAndColumn() {
        IngestFinding f = refused("<?xml version=\"1.0\"?>\n<MaterialLot xmlns=\"" + V0401 + "\">\n  <ID>L1</Id>\n"
                + "</MaterialLot>");
        assertThat(f.rule()).isEqualTo("XML-WELL-FORMED");
        assertThat(f.locator()).matches("line 3, column \\d+");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void aTruncatedFileIsRefused() {
        IngestFinding f = refused("<?xml version=\"1.0\"?><ProductionPerformance xmlns=\"http://www.mesa.org/xml/"
                + "B2MML-V0600\"><ID>x</ID>");
        assertThat(f.rule()).isEqualTo("XML-WELL-FORMED");
        assertThat(f.locator()).startsWith("line 1");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void anEmptyFileIsRefused() {
        assertThat(refusedBytes(new byte[0], false).rule()).isEqualTo("XML-WELL-FORMED");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void bytesThatAreNotUtf8WhereUtf8IsDeclaredAreRefused() {
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><MaterialLot xmlns=\"" + V0401 + "\"><ID>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</ID></MaterialLot>".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        all[head.length] = (byte) 0xE9; // Latin-1 'é'
        all[head.length + 1] = (byte) 0x41;
        System.arraycopy(tail, 0, all, head.length + 2, tail.length);
        IngestFinding f = refusedBytes(all, false);
        assertThat(f.rule()).isEqualTo("XML-ENCODING");
        assertThat(f.locator()).startsWith("line 1");
    }

    @Test
    @Tag("REQ-INGEST-108")
    void anUnknownNamespaceIsRefusedNamingTheKnownOnes() {
        IngestFinding f = refused("<MaterialLot xmlns=\"http://www.mesa.org/xml/B2MML-V0900\"><ID>L</ID></MaterialLot>");
        assertThat(f.rule()).isEqualTo("XML-NAMESPACE");
        assertThat(f.message()).contains("B2MML-V0900", "V0401", "V0600", "V0700");
    }

    @Test
    @Tag("REQ-INGEST-108")
    void noNamespaceAtAllIsRefused() {
        assertThat(refused("<MaterialLot><ID>L</ID></MaterialLot>").rule()).isEqualTo("XML-NAMESPACE");
    }

    @Test
    @Tag("REQ-INGEST-108")
    void anElementOfAnotherReleaseInsideTheMessageIsRefused() {
        IngestFinding f = refused("<MaterialInformation xmlns=\"" + V0401 + "\"><ID>M</ID>"
                + "<MaterialLot xmlns=\"http://www.mesa.org/xml/B2MML\"><ID>L</ID></MaterialLot></MaterialInformation>");
        assertThat(f.rule()).isEqualTo("XML-NAMESPACE");
        assertThat(f.locator()).isEqualTo("/MaterialInformation/MaterialLot[1]");
    }

    @Test
    @Tag("REQ-INGEST-109")
    void aGetOrCancelMessageCarriesNoRecordsAndIsRefused() {
        assertThat(refused("<GetMaterialLot xmlns=\"" + V0401 + "\"><ApplicationArea/><DataArea/></GetMaterialLot>")
                .rule()).isEqualTo("B2MML-VERB");
        assertThat(refused("<SyncEquipmentInformation xmlns=\"" + V0401 + "\"/>").rule()).isEqualTo("B2MML-MESSAGE");
    }

    @Test
    @Tag("REQ-INGEST-110")
    void aProductionWithoutQuantityOrAQuantityWithoutUnitOrUseIsRefusedNamingEachPlace() {
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class, () -> IngestRun.text(adapter,
                "<ProductionResponse xmlns=\"" + V0401 + "\"><ID>B1</ID><SegmentResponse><ID>S</ID>"
                        + "<MaterialActual><MaterialLotID>L1</MaterialLotID><MaterialUse>Produced</MaterialUse></MaterialActual>"
                        + "<MaterialActual><MaterialLotID>L2</MaterialLotID><MaterialUse>Consumed</MaterialUse>"
                        + "<Quantity><QuantityString>5</QuantityString><UnitOfMeasure/></Quantity></MaterialActual>"
                        + "<MaterialActual><MaterialLotID>L3</MaterialLotID>"
                        + "<Quantity><QuantityString>5,5</QuantityString><UnitOfMeasure>kg</UnitOfMeasure></Quantity>"
                        + "</MaterialActual></SegmentResponse></ProductionResponse>"));
        assertThat(e.problems()).extracting(IngestFinding::rule, IngestFinding::locator).containsExactly(
                org.assertj.core.api.Assertions.tuple("B2MML-QUANTITY",
                        "/ProductionResponse/SegmentResponse[1]/MaterialActual[1]"),
                org.assertj.core.api.Assertions.tuple("UNIT-MISSING",
                        "/ProductionResponse/SegmentResponse[1]/MaterialActual[2]/Quantity[1]/UnitOfMeasure[1]"),
                org.assertj.core.api.Assertions.tuple("B2MML-MATERIAL-USE",
                        "/ProductionResponse/SegmentResponse[1]/MaterialActual[3]"));
    }

    @Test
    @Tag("REQ-INGEST-110")
    void aTimeWithoutZoneIsRefused() {
        IngestFinding f = refused("<ProductionResponse xmlns=\"" + V0401 + "\"><ID>B1</ID>"
                + "<StartTime>2026-04-12T06:00:00</StartTime></ProductionResponse>");
        assertThat(f.rule()).isEqualTo("TIME-ZONE");
        assertThat(f.locator()).isEqualTo("/ProductionResponse/StartTime[1]");
    }

    @Test
    @Tag("REQ-INGEST-110")
    void aLotWithoutIdIsRefused() {
        assertThat(refused("<MaterialLot xmlns=\"" + V0401 + "\"><Status>Released</Status></MaterialLot>").rule())
                .isEqualTo("ID-MISSING");
    }

    @Test
    @Tag("REQ-INGEST-111")
    void aConsumptionThatNamesNoLotIsAWarningWhenLenientAndRefusedWhenStrict() {
        String xml = "<ProductionResponse xmlns=\"" + V0401 + "\"><ID>B1</ID><SegmentResponse><ID>S</ID>"
                + "<MaterialActual><MaterialDefinitionID>M</MaterialDefinitionID><MaterialUse>Consumed</MaterialUse>"
                + "<Quantity><QuantityString>5</QuantityString><UnitOfMeasure>kg</UnitOfMeasure></Quantity>"
                + "</MaterialActual></SegmentResponse></ProductionResponse>";
        IngestRun lenient = IngestRun.text(adapter, xml);
        assertThat(lenient.rules()).contains("B2MML-LOT-MISSING");
        assertThat(refusedBytes(xml.getBytes(StandardCharsets.UTF_8), true).rule()).isEqualTo("B2MML-LOT-MISSING");
    }

    @Test
    @Tag("REQ-INGEST-107")
    void predefinedEntitiesAndCdataAreText() {
        IngestRun run = IngestRun.text(adapter, "<MaterialDefinition xmlns=\"" + V0401 + "\"><ID>A&amp;B</ID>"
                + "<Description><![CDATA[x < y]]></Description></MaterialDefinition>");
        assertThat(run.all(org.batchledger.schema.record.Material.class).getFirst().key()).isEqualTo("plant-a:A&B");
    }

    @Test
    @Tag("REQ-INGEST-110")
    void manyProblemsAreReportedTogetherUpToABound() {
        String lots = "<MaterialLot><Status>Released</Status></MaterialLot>".repeat(150);
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class, () -> IngestRun.text(adapter,
                "<MaterialInformation xmlns=\"" + V0401 + "\"><ID>M</ID>" + lots + "</MaterialInformation>"));
        assertThat(e.problems()).hasSize(Findings.MAX_PROBLEMS);
        assertThat(e.problems().get(99).locator()).isEqualTo("/MaterialInformation/MaterialLot[100]");
    }
}
