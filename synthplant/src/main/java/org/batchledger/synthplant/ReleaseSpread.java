package org.batchledger.synthplant;

import static org.batchledger.synthplant.ReleaseCase.AUDIT_TRAIL_REVIEW_MISSING;
import static org.batchledger.synthplant.ReleaseCase.EQUIPMENT_CLEAN_HOLD_EXPIRED;
import static org.batchledger.synthplant.ReleaseCase.EQUIPMENT_OUT_OF_CALIBRATION;
import static org.batchledger.synthplant.ReleaseCase.MISSING_REVIEW_SIGNATURE;
import static org.batchledger.synthplant.ReleaseCase.OOS_RESULT;
import static org.batchledger.synthplant.ReleaseCase.OPEN_DEVIATION;
import static org.batchledger.synthplant.ReleaseCase.PENDING_TEST;
import static org.batchledger.synthplant.ReleaseCase.READY;
import static org.batchledger.synthplant.ReleaseCase.UNRELEASED_UPSTREAM_LOT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which of the newest orders awaits disposition with which designed verdict, and the few things the plant must
 * arrange earlier so that each verdict has its one reason and only it.
 *
 * <p>The designed orders are the newest ones, newest first in {@link #NEWEST_FIRST} order, so both lines of a
 * multi-line plant get a mix and a small plant keeps the first cases (TINY: an OOS and an open deviation). Older
 * orders are dispositioned (RELEASED, or REJECTED after a confirmed OOS) with every deviation closed.
 *
 * <p>Two cases need preparation in earlier orders, both on the designed order's own blister line:
 * <ul>
 *   <li>{@code EQUIPMENT_OUT_OF_CALIBRATION}: every calibration of that unit before the order has its due date
 *   aligned with a planned line maintenance {@value #CALIBRATION_DUE_HOURS} h after the order starts (after the
 *   previous order's packaging, before this one's); the maintenance slipped, the line ran anyway, and the next
 *   order recalibrates it. No calibration of the unit covers the use.
 *   <li>{@code EQUIPMENT_CLEAN_HOLD_EXPIRED}: the unit gets a minor clean three orders (of its line) earlier, the two
 *   orders between continue the same product campaign (no changeover clean), and the designed order skips the
 *   clean it was due: the last clean is about 74 h old against a 72 h hold. Needs three earlier orders on the line;
 *   in smaller plants the case is left out.
 * </ul>
 */
final class ReleaseSpread {
    static final List<ReleaseCase> NEWEST_FIRST = List.of(OOS_RESULT, OPEN_DEVIATION, READY, PENDING_TEST,
            UNRELEASED_UPSTREAM_LOT, EQUIPMENT_OUT_OF_CALIBRATION, MISSING_REVIEW_SIGNATURE,
            AUDIT_TRAIL_REVIEW_MISSING, READY, EQUIPMENT_CLEAN_HOLD_EXPIRED);
    static final long CALIBRATION_DUE_HOURS = 10;

    private final int orders;
    private final int lines;

    ReleaseSpread(PlantSize size) {
        this.orders = size.orders();
        this.lines = size.lines();
    }

    /** The designed case of an order, or null for an order that was dispositioned. */
    ReleaseCase caseOf(int index) {
        int age = orders - 1 - index;
        if (index < 0 || age >= NEWEST_FIRST.size()) {
            return null;
        }
        ReleaseCase c = NEWEST_FIRST.get(age);
        return c == EQUIPMENT_CLEAN_HOLD_EXPIRED && index < 3 * lines ? null : c;
    }

    /** Whether the order must continue its line's product campaign (no changeover clean before the expired hold). */
    boolean holdsCampaign(int index) {
        int x = orderOf(EQUIPMENT_CLEAN_HOLD_EXPIRED);
        return x >= 0 && (index == x || index == x - lines || index == x - 2 * lines);
    }

    /** Whether the order's packaging gets a minor clean whatever its count, the one whose hold then expires. */
    boolean forcesLineClean(int index) {
        int x = orderOf(EQUIPMENT_CLEAN_HOLD_EXPIRED);
        return x >= 0 && index == x - 3 * lines;
    }

    /** The aligned calibration due date of the given line's blister line, or null if it has none. */
    Instant lapsedCalibrationDue(int line) {
        int y = orderOf(EQUIPMENT_OUT_OF_CALIBRATION);
        if (y < 0 || y % lines != line) {
            return null;
        }
        return new PlantClock(lines).orderStart(y / lines, line).plus(Duration.ofHours(CALIBRATION_DUE_HOURS));
    }

    /** The order designed for {@code c} (the oldest, if the case occurs twice), or -1 if the plant has none. */
    private int orderOf(ReleaseCase c) {
        int found = -1;
        for (int age = 0; age < NEWEST_FIRST.size(); age++) {
            int index = orders - 1 - age;
            if (NEWEST_FIRST.get(age) == c && caseOf(index) == c) {
                found = index;
            }
        }
        return found;
    }
}
