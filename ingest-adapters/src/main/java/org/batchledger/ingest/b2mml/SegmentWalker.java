package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;

/**
 * The SegmentResponses of one response. Segment data comes before the PersonnelActual that says who did the
 * segment, so a segment's data is held until its personnel is read (bounded by one segment's data, not the file).
 */
final class SegmentWalker {
    private final RecordSink sink;
    private final B2mmlMessage m;
    private final Findings f;
    private final PerformanceReader.Response r;

    SegmentWalker(RecordSink sink, B2mmlMessage m, PerformanceReader.Response r) {
        this.sink = sink;
        this.m = m;
        this.f = m.findings();
        this.r = r;
    }

    /** One segment as read so far. */
    private static final class Segment {
        final String xpath;
        final String parentStep;
        String id;
        String processSegment;
        Instant start;
        Instant end;
        final Set<String> persons = new LinkedHashSet<>();
        final List<XmlNode> pendingData = new ArrayList<>();

        Segment(String xpath, String parentStep) {
            this.xpath = xpath;
            this.parentStep = parentStep;
        }

        String step() {
            String own = id != null ? id : processSegment != null ? processSegment
                    : xpath.substring(xpath.lastIndexOf('/') + 1);
            return parentStep == null ? own : parentStep + "/" + own;
        }

        String performedBy() {
            return persons.isEmpty() ? null : String.join(", ", persons);
        }
    }

    void segment(XmlCursor c, String parentStep) {
        Segment s = new Segment(c.xpath(), parentStep);
        while (c.nextChild()) {
            if (m.foreign(c)) {
                m.extension(c);
                continue;
            }
            switch (c.name()) {
                case "ID" -> s.id = c.text();
                case "ProcessSegmentID", "ProductSegmentID" -> s.processSegment = c.text();
                case "ActualStartTime" -> s.start = c.time(f);
                case "ActualEndTime" -> s.end = c.time(f);
                case "ProductionData", "SegmentData" -> s.pendingData.add(c.tree());
                case "PersonnelActual" -> personnel(c.tree(), s);
                case "EquipmentActual" -> {
                    flush(s);
                    equipment(c.tree(), s);
                }
                case "MaterialActual", "MaterialConsumedActual", "MaterialProducedActual", "ConsumableActual" -> {
                    flush(s);
                    material(c.tree(), s);
                }
                case "SegmentResponse" -> {
                    flush(s);
                    segment(c, s.step());
                }
                default -> m.unknown(c);
            }
        }
        flush(s);
    }

    private void personnel(XmlNode p, Segment s) {
        String person = p.text("PersonID");
        if (person == null) {
            f.warnOnce(p.xpath(), "PersonID", "B2MML-WHO", "PersonnelActual names only a class, no PersonID; not "
                    + "taken as who performed the segment");
        } else {
            s.persons.add(person);
        }
        s.pendingData.addAll(p.all("PersonnelActualProperty"));
    }

    /** The data and personnel properties of the segment, now that its people are known. */
    private void flush(Segment s) {
        if (s.pendingData.isEmpty()) {
            return;
        }
        if (s.persons.isEmpty()) {
            f.warnOnce(s.xpath, "PersonnelActual", "B2MML-WHO", "segment names no person (PersonnelActual/PersonID); "
                    + "its step records' performedBy is left empty");
        }
        for (XmlNode d : s.pendingData) {
            values(d, s, null);
        }
        s.pendingData.clear();
    }

    /** A data item or property (nested ones with their path) → one step record per value. */
    private void values(XmlNode d, Segment s, String parentParam) {
        String id = d.text("ID");
        if (id == null) {
            f.problem(d.xpath(), "ID", "ID-MISSING", d.name() + " has no ID; its value cannot be named");
            return;
        }
        String param = parentParam == null ? id : parentParam + "/" + id;
        XmlNode v = d.child("Value");
        XmlNode q = d.child("Quantity");
        String value = v != null ? v.text("ValueString") : q != null ? q.text("QuantityString") : null;
        String unit = v != null ? v.text("UnitOfMeasure") : q != null ? q.text("UnitOfMeasure") : null;
        if (value != null || d.children().stream().noneMatch(ch -> ch.name().equals(d.name()))) {
            emitStep(d, s, param, value, unit);
        }
        for (XmlNode t : d.all("TestResult")) {
            sink.record(TestResults.of(t, param, r.batchId(), m).against(new RecordRef(RecordType.BATCH,
                    m.key(r.batchId()))));
        }
        for (XmlNode nested : d.children()) {
            if (nested.name().equals(d.name())) {
                values(nested, s, param);
            }
        }
    }

    private void emitStep(XmlNode d, Segment s, String param, String value, String unit) {
        Instant at = s.end != null ? s.end : s.start;
        if (at == null) {
            f.warnOnce(s.xpath, "ActualEndTime", "B2MML-STEP-TIME", "segment states no ActualStartTime/EndTime; "
                    + "its step records' executedAt is left empty");
        }
        sink.record(new StepRecord(m.key(r.batchId() + "/" + s.step() + "/" + param + "#" + index(d)),
                m.key(r.batchId()), s.step(), param, value, unit, null, null, at, s.performedBy(),
                m.provenance(d.xpath(), at)));
    }

    private void equipment(XmlNode e, Segment s) {
        String eq = e.text("EquipmentID");
        if (eq == null) {
            f.warnOnce(e.xpath(), "EquipmentID", "B2MML-EQUIPMENT", "EquipmentActual names only a class, no "
                    + "EquipmentID; no equipment use is recorded for it");
        } else {
            if (s.start == null && s.end == null) {
                f.warnOnce(s.xpath, "ActualStartTime", "B2MML-STEP-TIME", "segment states no ActualStartTime/"
                        + "EndTime; equipment use times are left empty");
            }
            sink.record(new EquipmentUse(m.key(r.batchId() + "/" + s.step() + "/equipment/" + eq + "#" + index(e)),
                    m.key(r.batchId()), m.key(eq), s.step(), s.start, s.end, m.provenance(e.xpath(), s.start)));
        }
        for (XmlNode p : e.all("EquipmentActualProperty")) {
            values(p, s, eq == null ? "equipment" : eq);
        }
    }

    private void material(XmlNode a, Segment s) {
        MaterialUse use = MaterialUse.of(a, f);
        String lot = a.text("MaterialLotID");
        if (lot == null && a.text("MaterialSubLotID") != null) {
            lot = a.text("MaterialSubLotID");
            f.warnOnce(a.xpath(), "MaterialSubLotID", "B2MML-SUBLOT", "material actual names a sub-lot but no lot;"
                    + " the sub-lot is taken as the lot");
        }
        if (use == MaterialUse.PRODUCED && r.productId == null) {
            r.productId = a.text("MaterialDefinitionID");
        }
        if (use.genealogy()) {
            genealogy(a, s, use, lot);
        }
        for (XmlNode p : a.all(a.name() + "Property")) {
            values(p, s, lot != null ? lot : a.text("MaterialDefinitionID"));
        }
    }

    private void genealogy(XmlNode a, Segment s, MaterialUse use, String lot) {
        if (lot == null) {
            String msg = "a " + use.name().toLowerCase() + " material names no MaterialLotID; genealogy needs the lot";
            if (m.context().strict()) {
                f.problem(a.xpath(), "MaterialLotID", "B2MML-LOT-MISSING", msg);
            } else {
                f.warn(a.xpath(), "MaterialLotID", "B2MML-LOT-MISSING", msg + "; no edge recorded");
            }
            return;
        }
        Quantity q = Quantity.first(a, f);
        if (q.value() == null && !keptWithoutQuantity(a, use, lot)) {
            return;
        }
        String batch = m.key(r.batchId());
        String key = m.key(r.batchId() + "/" + s.step() + "/" + use.name().toLowerCase() + "/" + lot + "#" + index(a));
        if (use == MaterialUse.CONSUMED) {
            Instant at = s.start != null ? s.start : s.end;
            sink.record(new Consumption(key, m.key(lot), batch, q.value(), q.unit(), s.step(), at,
                    m.provenance(a.xpath(), at)));
        } else {
            sink.record(new Production(key, batch, m.key(lot), q.value(), q.unit(),
                    m.provenance(a.xpath(), s.end != null ? s.end : s.start)));
        }
    }

    /**
     * A consumption without a quantity keeps its genealogy edge with the quantity empty (never a made-up zero) and a
     * warning, and ALCOA-CO-004 reports the batch incomplete; a strict ingest, or a production (whose quantity is
     * the batch's yield), refuses it.
     */
    private boolean keptWithoutQuantity(XmlNode a, MaterialUse use, String lot) {
        String msg = "material actual of lot " + lot + " states no quantity";
        if (use != MaterialUse.CONSUMED || m.context().strict()) {
            f.problem(a.xpath(), "Quantity", "B2MML-QUANTITY", msg + "; a " + (use == MaterialUse.CONSUMED
                    ? "strict ingest" : "produced lot") + " needs one");
            return false;
        }
        f.warn(a.xpath(), "Quantity", "B2MML-QUANTITY", msg + "; the consumption is recorded without one");
        return true;
    }

    /** The element's position among its same-name siblings, from its XPath, so keys are unique and stable. */
    static String index(XmlNode n) {
        String xp = n.xpath();
        return xp.endsWith("]") ? xp.substring(xp.lastIndexOf('[') + 1, xp.length() - 1) : "1";
    }
}
