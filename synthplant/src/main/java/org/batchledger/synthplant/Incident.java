package org.batchledger.synthplant;

import org.batchledger.schema.record.Deviation.Severity;

/**
 * Things that go wrong in an order, each raising a deviation. Every OOS comes with a deviation, as GMP requires an
 * investigation of each; there is no silent OOS.
 */
enum Incident {
    LOD_EXCURSION(Severity.MINOR, "Loss on drying above limit after drying; granules re-dried", 0.03),
    BLEND_UNIFORMITY_OOS(Severity.MAJOR, "OOS: blend uniformity RSD above 5 %", 0.015),
    PRESS_DAMAGE(Severity.MINOR, "Punch tip damage found on tablet press at end of run", 0.02),
    DISSOLUTION_OOS(Severity.MAJOR, "OOS: dissolution below Q on finished lot", 0.01),
    LINE_CLEARANCE(Severity.MINOR, "Line clearance: leaflets of the previous product found in the cartoner magazine",
            0.01);

    final Severity severity;
    final String title;
    /** Chance per order. */
    final double rate;

    Incident(Severity severity, String title, double rate) {
        this.severity = severity;
        this.title = title;
        this.rate = rate;
    }
}
