package org.batchledger.synthplant;

import org.batchledger.schema.record.Material.MaterialKind;

/**
 * A purchased (or utility) material and how it is supplied: a new lot is received every {@code spanOrders} orders
 * that use it, sized for that many orders. Very long spans make supernode lots.
 *
 * @param perOrder nominal quantity one order uses, in {@code unit}; sizes the lot
 */
record MaterialSpec(String code, String name, MaterialKind kind, String unit, String supplier, int spanOrders,
                    double perOrder) {

    String key() {
        return Keys.fixed("MAT-" + code);
    }

    double lotSize() {
        return Math.round(spanOrders * perOrder * 1.1);
    }
}
