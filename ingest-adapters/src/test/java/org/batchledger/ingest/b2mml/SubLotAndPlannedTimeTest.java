package org.batchledger.ingest.b2mml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Lot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * REQ-INGEST-130: a MaterialSubLot is a lot of its lot's material whose parentLotKey is the lot or sub-lot it is
 * nested in (sent on its own: its MaterialLotID). REQ-INGEST-131: a request's StartTime/EndTime become the batch's
 * plannedStart/plannedEnd, never its actual startedAt/endedAt; a planned end before the planned start refuses the
 * file naming the XPath.
 */
@Tag("REQ-INGEST-130")
@Tag("REQ-INGEST-131")
class SubLotAndPlannedTimeTest {
    private static final String V0600 = "http://www.mesa.org/xml/B2MML-V0600";
    private final B2mmlAdapter adapter = new B2mmlAdapter();

    @Test
    void nestedSubLotsNameTheLotOrSubLotTheyAreNestedInAsParent() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/material-sublots-v0600.xml"), false);

        assertThat(run.all(Lot.class))
                .extracting(Lot::key, Lot::materialKey, Lot::parentLotKey, Lot::quantity, Lot::status)
                .containsExactly(
                        tuple("plant-a:LOT-PCM-0412", "plant-a:PARACETAMOL", null, 100.0, Lot.LotStatus.RELEASED),
                        tuple("plant-a:LOT-PCM-0412-D1", "plant-a:PARACETAMOL", "plant-a:LOT-PCM-0412", 50.0,
                                Lot.LotStatus.RELEASED),
                        tuple("plant-a:LOT-PCM-0412-D1-S1", "plant-a:PARACETAMOL", "plant-a:LOT-PCM-0412-D1", 0.5,
                                Lot.LotStatus.QUARANTINE),
                        tuple("plant-a:LOT-PCM-0412-D2", "plant-a:PARACETAMOL", "plant-a:LOT-PCM-0412", 50.0,
                                Lot.LotStatus.RELEASED));
        assertThat(run.all(Lot.class).get(2).provenance().locator()).isEqualTo("/SyncMaterialInformation/DataArea[1]"
                + "/MaterialInformation[1]/MaterialLot[1]/MaterialSubLot[1]/MaterialSubLot[1]");
        assertThat(run.rules()).doesNotContain("B2MML-SUBLOT", "B2MML-SUBLOT-PARENT");
    }

    @Test
    void theV0600MaterialSampleKeepsItsDrumAsASubLotOfTheLot() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/material-v0600.xml"), false);

        assertThat(run.all(Lot.class)).extracting(Lot::key, Lot::parentLotKey).containsExactly(
                tuple("plant-a:LOT-LAC-2231", null), tuple("plant-a:LOT-LAC-2231-D1", "plant-a:LOT-LAC-2231"));
        assertThat(run.rules()).doesNotContain("B2MML-SUBLOT");
    }

    @Test
    void aSubLotSentOnItsOwnTakesItsMaterialLotIdAsParent() {
        IngestRun run = IngestRun.text(adapter, "<MaterialSubLot xmlns=\"" + V0600 + "\"><ID>D7</ID>"
                + "<MaterialLotID>LOT-9</MaterialLotID><MaterialDefinitionID>PARACETAMOL</MaterialDefinitionID>"
                + "<Status>Released</Status></MaterialSubLot>");

        Lot sub = run.all(Lot.class).getFirst();
        assertThat(sub.key()).endsWith(":D7");
        assertThat(sub.parentLotKey()).isEqualTo(sub.key().replace(":D7", ":LOT-9"));
    }

    @Test
    void aSubLotOnItsOwnWithoutMaterialLotIdIsKeptWithoutParentAndSaysSo() {
        IngestRun run = IngestRun.text(adapter, "<MaterialSubLot xmlns=\"" + V0600 + "\"><ID>D8</ID>"
                + "<MaterialDefinitionID>PARACETAMOL</MaterialDefinitionID><Status>Released</Status></MaterialSubLot>");

        assertThat(run.all(Lot.class).getFirst().parentLotKey()).isNull();
        assertThat(run.warnings).filteredOn(w -> w.rule().equals("B2MML-SUBLOT-PARENT"))
                .extracting(IngestFinding::locator, IngestFinding::field)
                .containsExactly(tuple("/MaterialSubLot", "MaterialLotID"));
    }

    @Test
    void aRequestsStartAndEndTimeArePlannedTimesNotActualOnes() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("b2mml/production-schedule-planned-v0600.xml"),
                false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b).extracting(Batch::key, Batch::status, Batch::productKey, Batch::masterRecord)
                .containsExactly("plant-a:B2603-21", Batch.BatchStatus.PLANNED, "plant-a:PCM500-GRAN", "MBR-PCM500-v2");
        assertThat(b.plannedStart()).isEqualTo(Instant.parse("2026-03-16T05:00:00Z"));
        assertThat(b.plannedEnd()).isEqualTo(Instant.parse("2026-03-16T17:30:00Z"));
        assertThat(b.startedAt()).isNull();
        assertThat(b.endedAt()).isNull();
        assertThat(run.rules()).doesNotContain("B2MML-PLANNED-TIME");
    }

    @Test
    void aPlannedEndBeforeThePlannedStartRefusesTheFileNamingTheXPath() {
        InvalidSourceException e = catchThrowableOfType(InvalidSourceException.class, () -> IngestRun.text(adapter,
                "<ProductionSchedule xmlns=\"" + V0600 + "\"><ID>S</ID><ProductionRequest><ID>B1</ID>"
                        + "<StartTime>2026-03-16T18:00:00Z</StartTime><EndTime>2026-03-16T06:00:00Z</EndTime>"
                        + "</ProductionRequest></ProductionSchedule>"));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).extracting(IngestFinding::locator, IngestFinding::field, IngestFinding::rule)
                .containsExactly(tuple("/ProductionSchedule/ProductionRequest[1]/EndTime[1]", "EndTime", "TIME-ORDER"));
        assertThat(e.problems().getFirst().message()).contains("2026-03-16T06:00:00Z", "2026-03-16T18:00:00Z");
    }
}
