package org.batchledger.ingest.batchml;

import java.time.Instant;
import java.util.Set;
import org.batchledger.ingest.b2mml.Ids;
import org.batchledger.ingest.b2mml.StatusWords;
import org.batchledger.ingest.b2mml.XmlNode;
import org.batchledger.ingest.b2mml.XmlValues;
import org.batchledger.schema.record.EquipmentUse;

/**
 * A ControlRecipeRecord: the control recipe's formula and its recipe elements (procedure → unit procedure →
 * operation → phase, nested) as step records whose step is the path of element IDs; each parameter's first value
 * with its unit, and limits from nested parameters named as limits. ActualEquipmentID → equipment use.
 */
final class RecipeSteps {
    private static final Set<String> LOW = Set.of("low", "lo", "min", "minimum", "lowlimit", "lowerlimit", "lsl",
            "lowerspecificationlimit");
    private static final Set<String> HIGH = Set.of("high", "hi", "max", "maximum", "highlimit", "upperlimit", "usl",
            "upperspecificationlimit");
    private final Entries e;
    private Instant at;

    RecipeSteps(Entries e) {
        this.e = e;
    }

    void record(XmlNode rec) {
        at = e.time(rec);
        if (at == null) {
            e.f.warnOnce(rec.xpath(), "TimeStamp", "BATCHML-STEP-TIME", "control recipe entry states no TimeStamp; "
                    + "its step records' executedAt is left empty");
        } else {
            e.f.warnOnce(rec.xpath(), "executedAt", "BATCHML-STEP-TIME", "recipe parameters carry no time of their "
                    + "own; executedAt is the control recipe entry's TimeStamp");
        }
        e.f.warnOnce(rec.xpath(), "performedBy", "BATCHML-WHO", "recipe parameters name no person; performedBy is "
                + "left empty (the record's personnel identifications are imported as signatures)");
        XmlNode cr = rec.child("ControlRecipe");
        if (cr == null) {
            e.f.warn(rec.xpath(), "ControlRecipe", "BATCHML-RECIPE", "control recipe record holds no ControlRecipe");
            return;
        }
        String id = Ids.required(cr, "ID", e.f);
        if (id == null) {
            return;
        }
        XmlNode formula = cr.child("Formula");
        if (formula != null) {
            parameters(formula, id);
        }
        element(cr, id);
    }

    /** Parameters, other information, equipment and nested elements of a recipe element (or the recipe). */
    private void element(XmlNode el, String step) {
        parameters(el, step);
        String eq = el.text("ActualEquipmentID");
        if (eq != null) {
            e.sink.record(new EquipmentUse(e.key(step + "/equipment/" + eq), e.batch.key(), e.m.key(eq), step, at,
                    null, e.m.provenance(el.xpath(), at)));
        }
        for (XmlNode info : el.all("OtherInformation")) {
            XmlNode v = info.child("Value");
            String name = info.text("ID") != null ? info.text("ID") : "OtherInformation";
            e.step(e.key(step + "/" + name + "#" + index(info)), step, name, v == null ? info.text() : v.text("ValueString"),
                    v == null ? null : v.text("UnitOfMeasure"), null, null, at, null, info.xpath());
        }
        for (XmlNode child : el.all("RecipeElement")) {
            String id = Ids.required(child, "ID", e.f);
            if (id != null) {
                element(child, step + "/" + id);
            }
        }
        e.extensions(el, step);
    }

    private void parameters(XmlNode owner, String step) {
        for (XmlNode p : owner.all("Parameter")) {
            parameter(p, step, null);
        }
    }

    private void parameter(XmlNode p, String step, String parent) {
        String id = Ids.required(p, "ID", e.f);
        if (id == null) {
            return;
        }
        String name = parent == null ? id : parent + "/" + id;
        Double low = null;
        Double high = null;
        int nested = 0;
        for (XmlNode sub : p.all("Parameter")) {
            String norm = sub.text("ID") == null ? "" : StatusWords.normal(sub.text("ID"));
            if (LOW.contains(norm)) {
                low = limit(sub);
            } else if (HIGH.contains(norm)) {
                high = limit(sub);
            } else {
                nested++;
                parameter(sub, step, name);
            }
        }
        String kind = p.text("ParameterType");
        if (kind != null && (kind.equals("ProcessInput") || kind.equals("ProcessOutput"))) {
            e.f.warnOnce(p.xpath(), "ParameterType", "BATCHML-MATERIAL", "material inputs/outputs of the recipe are "
                    + "kept as step records (no lot is named, so no genealogy edge)");
        }
        if (p.all("Value").size() > 1) {
            e.f.warnOnce(p.xpath(), "Value", "BATCHML-MORE-VALUES", "parameter states several values; the first is kept");
        }
        XmlNode v = p.child("Value");
        String value = v == null ? null : v.text("ValueString");
        if (value != null || nested == 0) { // a parameter that only groups others is not a value of its own
            e.step(e.key(step + "/" + name + "#" + index(p)), step, name, value, v == null ? null : v.text("UnitOfMeasure"),
                    low, high, at, null, p.xpath());
        }
        e.extensions(p, step);
    }

    private Double limit(XmlNode sub) {
        XmlNode v = sub.child("Value");
        String text = v == null ? null : v.text("ValueString");
        if (text == null) {
            return null;
        }
        Double d = XmlValues.parse(text);
        if (d == null) {
            e.f.warn(v.xpath(), sub.text("ID"), "BATCHML-LIMIT", "limit '" + XmlValues.shorten(text)
                    + "' is not a number; left empty");
        }
        return d;
    }

    private static String index(XmlNode n) {
        String xp = n.xpath();
        return xp.substring(xp.lastIndexOf('[') + 1, xp.length() - 1);
    }
}
