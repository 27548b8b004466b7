package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Production;
import org.batchledger.synthplant.Product.Intermediate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shapes genealogy traversal must survive: a time-ordered DAG with diamonds and supernodes. */
@Tag("REQ-RECORD-009")
class GenealogyShapeTest {
    private final List<LedgerRecord> mid = Plants.records(21, Plants.MID);

    @Test
    void genealogyIsAcyclic() {
        Genealogy genealogy = new Genealogy(SyntheticPlant.of(21, Plants.MID).genealogyEdges());

        assertThat(genealogy.downstream).hasSizeGreaterThan(8_000);
        assertThat(genealogy.nodesOnOrBehindCycles()).isEmpty();
    }

    @Test
    void everyLotIsConsumedOnlyAfterItWasMadeAndWithinTheConsumingBatch() {
        Map<String, Lot> lots = Plants.byKey(mid, Lot.class);
        Map<String, Batch> batches = Plants.byKey(mid, Batch.class);
        for (Consumption c : Plants.of(mid, Consumption.class)) {
            Batch batch = batches.get(c.batchKey());
            assertThat(lots.get(c.lotKey()).provenance().eventAt()).as(c.key()).isBefore(c.at());
            assertThat(c.at()).as(c.key()).isBetween(batch.startedAt(), batch.endedAt());
        }
        for (Production p : Plants.of(mid, Production.class)) {
            assertThat(lots.get(p.lotKey()).provenance().eventAt()).isEqualTo(batches.get(p.batchKey()).endedAt());
        }
    }

    /**
     * Lots only flow forward through the stages, and each stage after dispensing takes the previous stage's output
     * (the lubricant kit alone skips a stage: dispensed, then added at final blending).
     */
    @Test
    void stagesChainFromDispensingToPackaging() {
        Map<String, Batch> batches = Plants.byKey(mid, Batch.class);
        Map<String, Lot> lots = lotsOf(mid);
        Map<String, String> producerOf = new HashMap<>();
        Plants.of(mid, Production.class).forEach(p -> producerOf.put(p.lotKey(), p.batchKey()));
        Map<String, Set<Stage>> inputStages = new HashMap<>();
        for (Consumption c : Plants.of(mid, Consumption.class)) {
            Stage consumer = stageOf(batches.get(c.batchKey()));
            String producer = producerOf.get(c.lotKey());
            if (producer == null) {
                assertThat(lots.get(c.lotKey()).supplier()).as("raw lot %s", c.lotKey()).isNotNull();
                continue;
            }
            Stage from = stageOf(batches.get(producer));
            assertThat(from).as("%s feeds %s", c.lotKey(), consumer).isLessThan(consumer);
            inputStages.computeIfAbsent(c.batchKey(), k -> new HashSet<>()).add(from);
        }
        for (Batch b : batches.values()) {
            Stage stage = stageOf(b);
            assertThat(inputStages.getOrDefault(b.key(), Set.of())).as(b.key())
                    .isEqualTo(stage == Stage.DISPENSING ? Set.of() : stage == Stage.BLENDING
                            ? Set.of(Stage.GRANULATION, Stage.DISPENSING) : Set.of(stage.previous()));
        }
        assertThat(Arrays.stream(Stage.values()).map(s -> s.label)).containsExactly(
                "dispensing", "granulation", "blending", "compression", "coating", "packaging");
    }

    private static Stage stageOf(Batch batch) {
        return Stage.ofLabel(batch.stage());
    }

    @Test
    void everyOrderSplitsItsKitAndItsBlendIntoDiamondsThatReconverge() {
        Genealogy genealogy = new Genealogy(SyntheticPlant.of(21, Plants.MID).genealogyEdges());
        Map<String, Lot> lots = Plants.byKey(mid, Lot.class);
        Map<String, Integer> reconvergingByMaterial = new HashMap<>();
        for (Lot lot : lots.values()) {
            if (reconverges(genealogy, lot.key())) {
                reconvergingByMaterial.merge(lot.materialKey().replaceAll(".*-", ""), 1, Integer::sum);
            }
        }
        int orders = Plants.MID.orders();
        assertThat(reconvergingByMaterial).containsEntry(Intermediate.KIT.name(), orders)
                .containsEntry(Intermediate.BLEND.name(), orders);
    }

    @Test
    void aPurifiedWaterLotFeedsEveryWaterUsingBatchOfAMidSizePlant() {
        Map<String, Set<String>> consumers = new HashMap<>();
        Plants.of(mid, Consumption.class).forEach(c ->
                consumers.computeIfAbsent(c.lotKey(), k -> new HashSet<>()).add(c.batchKey()));
        Map<String, Lot> lots = Plants.byKey(mid, Lot.class);

        var biggest = consumers.entrySet().stream().max(Map.Entry.comparingByValue(
                Comparator.comparingInt(Set::size))).orElseThrow();

        // Two granulation sub-batches and one coating batch per order draw purified water.
        assertThat(biggest.getValue()).hasSize(3 * Plants.MID.orders());
        assertThat(lots.get(biggest.getKey()).materialKey()).isEqualTo(Catalog.PURIFIED_WATER.key());
        String mcc = Plants.of(mid, Lot.class).stream().filter(l -> l.materialKey().equals(Catalog.MCC.key()))
                .findFirst().orElseThrow().key();
        assertThat(consumers.get(mcc)).hasSize(Plants.MID.orders());
    }

    @Test
    void atLargeSizesOneWaterLotFeedsThousandsOfBatches() {
        Map<String, Integer> waterUses = new HashMap<>();
        Set<String> waterLots = new HashSet<>();
        SyntheticPlant.of(21, PlantSize.ofBatches(20_000)).records().forEach(r -> {
            if (r instanceof Lot l && l.materialKey().equals(Catalog.PURIFIED_WATER.key())) {
                waterLots.add(l.key());
            } else if (r instanceof Consumption c && waterLots.contains(c.lotKey())) {
                waterUses.merge(c.lotKey(), 1, Integer::sum);
            }
        });

        assertThat(waterUses.values()).contains(3 * Catalog.WATER_SPAN);
    }

    @Test
    void theInjectedCycleIsOffByDefaultAndOnlyWhereAsked() {
        var plain = new Genealogy(SyntheticPlant.of(4, PlantSize.TINY).genealogyEdges());
        var cyclic = new Genealogy(SyntheticPlant.of(4, PlantSize.TINY).withInjectedCycle().genealogyEdges());

        assertThat(plain.nodesOnOrBehindCycles()).isEmpty();
        assertThat(cyclic.nodesOnOrBehindCycles()).isNotEmpty();
        assertThat(cyclic.downstream.values().stream().mapToInt(List::size).sum())
                .isEqualTo(plain.downstream.values().stream().mapToInt(List::size).sum() + 1);
    }

    private static Map<String, Lot> lotsOf(List<LedgerRecord> records) {
        return Plants.byKey(records, Lot.class);
    }

    /** Two batches consume the lot, and a lot of each of them is consumed by one common batch. */
    private static boolean reconverges(Genealogy genealogy, String lot) {
        List<String> consumers = genealogy.next(lot);
        Map<String, Integer> meetings = new HashMap<>();
        for (String batch : consumers) {
            genealogy.next(batch).stream().flatMap(out -> genealogy.next(out).stream()).distinct()
                    .forEach(b -> meetings.merge(b, 1, Integer::sum));
        }
        return meetings.values().stream().anyMatch(n -> n >= 2);
    }
}
