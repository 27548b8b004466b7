package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo plant's batches awaiting disposition: a designed spread of verdicts, each with its one reason. */
@Tag("REQ-RELEASE-040")
@Tag("REQ-RELEASE-041")
class ReleaseSpreadTest {
    /** The hub's demo plant (application.yml). */
    static final long DEMO_SEED = 20261124L;

    @Test
    void theDemoPlantAwaitsDispositionOfTenDesignedBatchesOnBothLines() {
        List<DesignedBatch> spread = SyntheticPlant.of(DEMO_SEED, PlantSize.DEMO).releaseSpread();

        assertThat(spread).extracting(DesignedBatch::releaseCase)
                .containsExactlyInAnyOrderElementsOf(ReleaseSpread.NEWEST_FIRST);
        assertThat(spread).extracting(DesignedBatch::line).contains(0, 1);
        assertThat(spread).filteredOn(d -> d.releaseCase() == ReleaseCase.READY).hasSize(2);
        assertThat(spread.stream().map(d -> d.releaseCase().verdict()).distinct())
                .containsExactlyInAnyOrder("READY", "BLOCKED", "INCOMPLETE");
        assertThat(spread).extracting(DesignedBatch::orderIndex)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(38, 48).boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(longs = {DEMO_SEED, 42, 7})
    void eachDesignedBatchHasItsOneReasonAndOnlyIt(long seed) {
        assertSpreadHolds(Plants.records(seed, PlantSize.DEMO),
                SyntheticPlant.of(seed, PlantSize.DEMO).releaseSpread(), 10);
    }

    @Test
    @Tag("REQ-RELEASE-044")
    void smallerPlantsKeepTheFirstCasesOfTheSpread() {
        assertSpreadHolds(Plants.records(9, PlantSize.TINY), SyntheticPlant.of(9, PlantSize.TINY).releaseSpread(), 2);
        PlantSize hubTests = PlantSize.ofBatches(96);
        assertSpreadHolds(Plants.records(DEMO_SEED, hubTests), SyntheticPlant.of(DEMO_SEED, hubTests).releaseSpread(),
                9);
        PlantSize twoLines = new PlantSize("two-lines", 6, 2);
        assertSpreadHolds(Plants.records(5, twoLines), SyntheticPlant.of(5, twoLines).releaseSpread(), 6);
        assertThat(SyntheticPlant.of(9, PlantSize.TINY).releaseSpread()).extracting(DesignedBatch::releaseCase)
                .containsExactly(ReleaseCase.OPEN_DEVIATION, ReleaseCase.OOS_RESULT);
    }

    /** 500 days per line: the blister lines have been recalibrated several times before the designed lapse. */
    @Test
    @Tag("REQ-RELEASE-044")
    void aLargerPlantHasTheWholeSpreadToo() {
        PlantSize size = PlantSize.ofBatches(8_000);
        List<LedgerRecord> records = SyntheticPlant.of(3, size).records().toList();

        assertThat(size.lines()).isEqualTo(2);
        assertSpreadHolds(records, SyntheticPlant.of(3, size).releaseSpread(), 10);
    }

    @ParameterizedTest
    @ValueSource(longs = {DEMO_SEED, 42, 7, 11})
    @Tag("REQ-RELEASE-043")
    void olderOrdersAreDispositionedWithEveryReleaseSignatureByFourDifferentPeople(long seed) {
        List<LedgerRecord> demo = Plants.records(seed, PlantSize.DEMO);
        Set<String> designed = SyntheticPlant.of(seed, PlantSize.DEMO).releaseSpread().stream()
                .map(DesignedBatch::batchKey).collect(Collectors.toSet());
        Map<String, List<Signature>> signatures = Plants.of(demo, Signature.class).stream()
                .collect(Collectors.groupingBy(s -> s.signs().key()));
        var packaging = Plants.of(demo, Batch.class).stream().filter(b -> b.stage().equals("packaging")).toList();
        var older = packaging.stream().filter(b -> !designed.contains(b.key())).toList();

        assertThat(older).hasSize(PlantSize.DEMO.orders() - designed.size()).allSatisfy(b -> {
            assertThat(b.status()).isIn(BatchStatus.RELEASED, BatchStatus.REJECTED);
            var by = signatures.get(b.key()).stream().collect(Collectors.toMap(Signature::meaning,
                    Signature::signerSubject));
            assertThat(by).containsKeys(SignatureMeaning.PERFORMED, SignatureMeaning.REVIEWED,
                    SignatureMeaning.AUDIT_TRAIL_REVIEWED);
            assertThat(Set.copyOf(by.values())).hasSize(4);
        });
        var rules = new ReleaseRules(demo);
        assertThat(older).filteredOn(b -> b.status() == BatchStatus.RELEASED)
                .allSatisfy(b -> assertThat(rules.reasons(b.key())).as(b.key()).isEmpty());
        assertThat(Plants.of(demo, Batch.class)).filteredOn(b -> b.status() == BatchStatus.UNDER_REVIEW)
                .extracting(Batch::key).containsExactlyInAnyOrderElementsOf(designed);
    }

    /** However a check reads "at use" (its start or its end), the designed equipment lapses are already lapsed. */
    @ParameterizedTest
    @ValueSource(longs = {DEMO_SEED, 42, 7, 11, 13})
    void theDesignedEquipmentLapsesHaveLapsedBeforeTheUseStarts(long seed) {
        List<LedgerRecord> demo = Plants.records(seed, PlantSize.DEMO);
        Map<ReleaseCase, String> byCase = SyntheticPlant.of(seed, PlantSize.DEMO).releaseSpread().stream()
                .filter(d -> d.releaseCase().name().startsWith("EQUIPMENT"))
                .collect(Collectors.toMap(DesignedBatch::releaseCase, DesignedBatch::batchKey));
        var uses = Plants.of(demo, EquipmentUse.class);

        EquipmentUse late = uses.stream().filter(u -> u.batchKey().equals(byCase.get(
                ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION))).findFirst().orElseThrow();
        assertThat(Plants.of(demo, Calibration.class)).filteredOn(c -> c.equipmentKey().equals(late.equipmentKey())
                && c.performedAt().isBefore(late.from())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.dueAt()).isBefore(late.from()));
        EquipmentUse dirty = uses.stream().filter(u -> u.batchKey().equals(byCase.get(
                ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED))).findFirst().orElseThrow();
        assertThat(Plants.of(demo, Cleaning.class)).filteredOn(c -> c.equipmentKey().equals(dirty.equipmentKey())
                && c.performedAt().isBefore(dirty.from())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.validUntil()).isBefore(dirty.from().minus(Duration.ofHours(1))));
    }

    @Test
    @Tag("REQ-RELEASE-044")
    void generatingTheSpreadTwiceGivesTheSameBatches() {
        assertThat(SyntheticPlant.of(DEMO_SEED, PlantSize.DEMO).releaseSpread())
                .isEqualTo(SyntheticPlant.of(DEMO_SEED, PlantSize.DEMO).releaseSpread());
    }

    private static void assertSpreadHolds(List<LedgerRecord> records, List<DesignedBatch> spread, int expected) {
        var rules = new ReleaseRules(records);
        Map<String, Batch> batches = Plants.byKey(records, Batch.class);
        Map<String, Lot> lots = Plants.byKey(records, Lot.class);
        assertThat(spread).hasSize(expected);
        for (DesignedBatch d : spread) {
            Batch batch = batches.get(d.batchKey());
            assertThat(batch.status()).as(d.batchKey()).isEqualTo(BatchStatus.UNDER_REVIEW);
            assertThat(batch.stage()).isEqualTo("packaging");
            assertThat(batch.productKey()).isEqualTo(d.productKey());
            assertThat(lots.get(d.finishedLotKey()).status()).isEqualTo(LotStatus.QUARANTINE);
            Set<ReleaseCase> want = d.releaseCase() == ReleaseCase.READY ? Set.of()
                    : EnumSet.of(d.releaseCase());
            assertThat(rules.reasons(d.batchKey())).as("%s designed %s", d.batchKey(), d.releaseCase())
                    .isEqualTo(want);
        }
    }
}
