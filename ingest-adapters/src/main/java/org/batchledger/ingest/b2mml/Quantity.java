package org.batchledger.ingest.b2mml;

import java.util.List;

/**
 * A B2MML {@code Quantity} (QuantityString, UnitOfMeasure), read strictly: a value that is not a number, or a value
 * without a unit, is a problem, never a guess.
 *
 * @param value null when the element states none
 */
record Quantity(Double value, String unit) {
    static final Quantity NONE = new Quantity(null, null);

    /** The first Quantity of an element; more than one (other units) is said as a warning. */
    static Quantity first(XmlNode owner, Findings f) {
        List<XmlNode> all = owner.all("Quantity");
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() > 1) {
            f.warnOnce(owner.xpath(), "Quantity", "B2MML-QUANTITY-MORE", owner.name() + " states " + all.size()
                    + " quantities; the first is kept (one quantity per record)");
        }
        XmlNode q = all.getFirst();
        String at = q.xpath();
        Double v = XmlValues.number(q.text("QuantityString"), at + "/QuantityString[1]", "QuantityString", f);
        String unit = q.text("UnitOfMeasure");
        if (v != null && unit == null) {
            f.problem(at + "/UnitOfMeasure[1]", "UnitOfMeasure", "UNIT-MISSING",
                    "quantity " + q.text("QuantityString") + " has no unit of measure");
        }
        return new Quantity(v, unit);
    }
}
