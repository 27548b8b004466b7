package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Equipment is used as GMP requires: one batch at a time, clean and in calibration — except the two uses the
 * release spread designs as lapses, which are exactly the two that are not.
 */
@Tag("REQ-RECORD-009")
class EquipmentRecordsTest {
    private final List<LedgerRecord> demo = Plants.records(13, PlantSize.DEMO);

    @Test
    void noUnitIsInTwoBatchesAtOnce() {
        Map<String, List<EquipmentUse>> byUnit = Plants.of(demo, EquipmentUse.class).stream()
                .collect(Collectors.groupingBy(EquipmentUse::equipmentKey));
        byUnit.values().forEach(uses -> {
            var sorted = uses.stream().sorted(Comparator.comparing(EquipmentUse::from)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).from()).as(sorted.get(i).key()).isAfterOrEqualTo(sorted.get(i - 1).to());
            }
        });
        assertThat(byUnit).hasSize(2 * EquipmentSpec.values().length);
    }

    @Test
    void everyUseButTheDesignedLapsesIsCoveredByAValidCleaningAndCalibration() {
        var cleanings = Plants.of(demo, Cleaning.class).stream()
                .collect(Collectors.groupingBy(Cleaning::equipmentKey));
        var calibrations = Plants.of(demo, Calibration.class).stream()
                .collect(Collectors.groupingBy(Calibration::equipmentKey));
        Map<String, ReleaseCase> designed = SyntheticPlant.of(13, PlantSize.DEMO).releaseSpread().stream()
                .collect(Collectors.toMap(DesignedBatch::batchKey, DesignedBatch::releaseCase));
        for (EquipmentUse use : Plants.of(demo, EquipmentUse.class)) {
            ReleaseCase lapse = designed.get(use.batchKey());
            boolean clean = cleanings.get(use.equipmentKey()).stream().anyMatch(c ->
                    c.performedAt().isBefore(use.from()) && !c.validUntil().isBefore(use.to()));
            boolean calibrated = calibrations.get(use.equipmentKey()).stream().anyMatch(c ->
                    c.performedAt().isBefore(use.from()) && c.dueAt().isAfter(use.to()));
            assertThat(clean).as("clean for %s", use.key())
                    .isEqualTo(lapse != ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED);
            assertThat(calibrated).as("calibrated for %s", use.key())
                    .isEqualTo(lapse != ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION);
        }
        assertThat(designed).containsValues(ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED,
                ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION);
        assertThat(calibrations.values().stream().mapToInt(List::size).sum())
                .as("recalibrations beyond the initial ones").isGreaterThan(2 * EquipmentSpec.values().length);
    }
}
