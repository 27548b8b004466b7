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
 * The release spread: which of the newest orders awaits disposition with which designed verdict, and what the plant
 * arranges so that each verdict has its one reason and only it.
 *
 * <p>The ten newest orders are designed, newest first in {@link #NEWEST_FIRST} order, so both lines of a multi-line
 * plant get a mix and a smaller plant keeps the first cases (TINY: an OOS and an open deviation). Each designed
 * order's packaging batch ends UNDER_REVIEW, its finished lot in QUARANTINE. Baseline of every designed order:
 * no random incidents; raw lots RELEASED, intermediate lots CONSUMED; every test of the specification PASS; no
 * deviation open; every unit cleaned within its 72 h hold and calibrated at use; signatures PERFORMED (operator),
 * REVIEWED (QA reviewer) and AUDIT_TRAIL_REVIEWED (QA data-integrity reviewer, who records nothing of the batch),
 * written after all of the batch's records; no QP signature yet. Each case departs from the baseline once:
 * <ol>
 *   <li>{@link ReleaseCase#OOS_RESULT}: the finished lot's dissolution is OOS; its deviation was investigated and
 *   closed (confirmed OOS) 30 h later, before QA review; the QP's rejection is pending.
 *   <li>{@link ReleaseCase#OPEN_DEVIATION}: a line-clearance deviation impacting the packaging batch and its lot is
 *   still OPEN or UNDER_INVESTIGATION; results and signatures are all in.
 *   <li>{@link ReleaseCase#READY} (twice): the baseline.
 *   <li>{@link ReleaseCase#PENDING_TEST}: the finished lot's microbial count is PENDING (no value yet).
 *   <li>{@link ReleaseCase#UNRELEASED_UPSTREAM_LOT}: dispensing took a new lactose lot that passed incoming QC but
 *   is still in QUARANTINE, five stages upstream of packaging.
 *   <li>{@link ReleaseCase#EQUIPMENT_OUT_OF_CALIBRATION}: every calibration of the order's blister line before the
 *   order has its due date aligned with a planned line maintenance {@value #CALIBRATION_DUE_HOURS} h after the order
 *   starts (after the previous order's packaging, before this one's); the maintenance slipped and the line ran
 *   anyway. No calibration covers the use; the next order recalibrates.
 *   <li>{@link ReleaseCase#MISSING_REVIEW_SIGNATURE}: no REVIEWED signature.
 *   <li>{@link ReleaseCase#AUDIT_TRAIL_REVIEW_MISSING}: no AUDIT_TRAIL_REVIEWED signature.
 *   <li>{@link ReleaseCase#EQUIPMENT_CLEAN_HOLD_EXPIRED}: the order's blister line got a minor clean (8 h early)
 *   three orders of its line before, the two orders between continue the same product campaign (no changeover
 *   clean), and this order skips the clean it was due: the last clean's hold ran out hours before the use. Needs
 *   three earlier orders on the line; in smaller plants the case is left out.
 * </ol>
 * Older orders are dispositioned: RELEASED, or REJECTED after a confirmed OOS (dissolution or blend uniformity),
 * every deviation closed, signed PERFORMED, REVIEWED, AUDIT_TRAIL_REVIEWED and RELEASED or REJECTED by four
 * different people.
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
