package org.batchledger.synthplant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.ChangeControl.ChangeStatus;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.synthplant.Staff.Person;

/**
 * QA's deviations and change controls. A record is written once, in its latest state: a closed one carries its
 * closing time and is dated (eventAt) at closure, an open one at opening, so recordedAt stays minutes after eventAt.
 */
final class QualitySystem {
    private static final List<String> CHANGES = List.of(
            "Widen tablet press turret speed range after PQ",
            "Second approved supplier for lactose monohydrate",
            "Replace granulator impeller seal with PTFE type",
            "Revise minor-clean hold time from 48 h to 72 h",
            "New blister film gauge, 250 µm",
            "Update dissolution method to apparatus 2, 75 rpm");

    private final PlantContext plant;

    QualitySystem(PlantContext plant) {
        this.plant = plant;
    }

    /** {@code closeAfter}: how long the investigation of a closed deviation took; null for a typical 3 to 25 days. */
    void deviation(Incident incident, boolean open, Instant openedAt, Duration closeAfter, String context,
                   List<RecordRef> impacts) {
        var n = plant.keys.next("deviation", "DEV");
        Person qa = plant.pick(Staff.QA);
        Instant closedAt = open ? null
                : openedAt.plus(closeAfter != null ? closeAfter : Duration.ofDays(3 + plant.dice.upTo(23)));
        DeviationStatus status = !open ? DeviationStatus.CLOSED
                : plant.dice.chance(0.5) ? DeviationStatus.OPEN : DeviationStatus.UNDER_INVESTIGATION;
        plant.emit(new Deviation(n.key(), incident.title + " (" + context + ")", incident.severity, status, impacts,
                openedAt, closedAt, plant.provenance(n.locator(), qa, open ? openedAt : closedAt)));
    }

    void changeControl(Instant openedAt, boolean recent, List<RecordRef> affects) {
        var n = plant.keys.next("change", "CC");
        Person qa = plant.pick(Staff.QA);
        ChangeStatus status = recent ? plant.dice.pick(List.of(ChangeStatus.OPEN, ChangeStatus.APPROVED))
                : plant.dice.pick(List.of(ChangeStatus.IMPLEMENTED, ChangeStatus.CLOSED));
        Instant closedAt = status == ChangeStatus.CLOSED ? openedAt.plus(Duration.ofDays(20 + plant.dice.upTo(40)))
                : null;
        plant.emit(new ChangeControl(n.key(), plant.dice.pick(CHANGES), status, affects, openedAt, closedAt,
                plant.provenance(n.locator(), qa, closedAt == null ? openedAt : closedAt)));
    }
}
