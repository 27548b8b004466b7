package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;

/**
 * Material messages: MaterialDefinition → {@link Material}; MaterialLot and MaterialSubLot → {@link Lot} (status,
 * quantity, expiry from a property); a sub-lot is a lot of the same material whose {@code parentLotKey} is the lot
 * or sub-lot it is nested in (or, sent on its own, its MaterialLotID); a lot property's TestResult →
 * {@link TestResult}. MaterialInformation is streamed, each definition or lot read whole.
 */
final class MaterialReader {
    static final Set<String> NOUNS = Set.of("MaterialInformation", "MaterialDefinition", "MaterialLot",
            "MaterialSubLot");
    private static final Set<String> EXPIRY = Set.of("expirydate", "expirationdate", "expiry", "expirytime",
            "expirationtime", "useby", "usebydate");
    private static final Set<String> UNIT = Set.of("baseunitofmeasure", "unitofmeasure", "baseunit", "uom");
    private static final Set<String> SUPPLIER = Set.of("supplier", "vendor", "manufacturer", "supplierid");
    private static final Set<String> SUPPLIER_LOT = Set.of("supplierlot", "vendorlot", "manufacturerlot",
            "supplierlotid", "vendorbatch", "supplierbatch");

    private final RecordSink sink;

    MaterialReader(RecordSink sink) {
        this.sink = sink;
    }

    boolean read(XmlCursor c, B2mmlMessage m) {
        switch (c.name()) {
            case "MaterialInformation" -> information(c, m);
            case "MaterialDefinition" -> definition(c.tree(), m);
            case "MaterialLot", "MaterialSubLot" -> lot(c.tree(), null, null, m);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void information(XmlCursor c, B2mmlMessage m) {
        String infoId = null;
        String infoAt = null;
        while (c.nextChild()) {
            if (m.foreign(c)) {
                m.extension(c);
                continue;
            }
            switch (c.name()) {
                case "ID" -> {
                    infoAt = c.xpath();
                    infoId = c.text();
                }
                case "PublishedDate" -> m.publishedAt(c.time(m.findings()));
                case "MaterialDefinition" -> definition(c.tree(), m);
                case "MaterialLot", "MaterialSubLot" -> lot(c.tree(), infoId, infoAt, m);
                case "MaterialClass", "QAMaterialTestSpecification", "MaterialTestSpecification" -> {
                    m.findings().warnOnce(c.xpath(), c.name(), "B2MML-NOT-MAPPED", c.name()
                            + " has no record type in the ledger; skipped");
                    c.skip();
                }
                default -> m.unknown(c);
            }
        }
    }

    private void definition(XmlNode d, B2mmlMessage m) {
        Findings f = m.findings();
        String id = Ids.required(d, "ID", f);
        String unit = null;
        for (XmlNode p : d.all("MaterialDefinitionProperty")) {
            String pid = p.text("ID");
            XmlNode value = p.child("Value");
            if (pid != null && UNIT.contains(StatusWords.normal(pid)) && value != null) {
                unit = value.text("ValueString");
            } else {
                f.warnOnce("defprop|" + pid, p.xpath(), "MaterialDefinitionProperty " + pid, "B2MML-NOT-MAPPED",
                        "material property '" + pid + "' has no field in the ledger; not kept");
            }
        }
        String classId = d.firstText("MaterialClassID");
        Material.MaterialKind kind = StatusWords.kind(classId, d.xpath(), f);
        if (classId == null) {
            f.warnOnce(d.xpath(), "MaterialClassID", "B2MML-KIND", "material names no MaterialClassID; its kind "
                    + "(raw material, API, …) is left empty");
        }
        if (unit == null) {
            f.warnOnce(d.xpath(), "BaseUnitOfMeasure", "UNIT-MISSING", "material states no base unit of measure; "
                    + "left empty");
        }
        if (id != null) {
            sink.record(new Material(m.key(id), d.firstText("Description"), kind, unit,
                    m.provenance(d.xpath(), null)));
        }
    }

    /** A lot, or a sub-lot (then {@code parentMaterial} is its lot's material). */
    private void lot(XmlNode lot, String infoId, String infoAt, B2mmlMessage m) {
        Findings f = m.findings();
        String id = Ids.required(lot, "ID", f);
        String materialId = lot.text("MaterialDefinitionID");
        if (materialId == null && infoId != null) {
            // Courbon's ERP sync (the real sample) names the material only as the MaterialInformation's ID.
            f.warnOnce(lot.xpath(), "MaterialDefinitionID", "B2MML-LOT-MATERIAL", "lot names no "
                    + "MaterialDefinitionID; the enclosing MaterialInformation ID (" + infoAt + ") is taken as its "
                    + "material");
            materialId = infoId;
        }
        if (materialId == null) {
            f.warn(lot.xpath(), "MaterialDefinitionID", "B2MML-LOT-MATERIAL", "lot names no material; left empty");
        }
        emitLot(lot, id, materialId == null ? null : m.key(materialId), parentOfSubLot(lot, m), m);
    }

    /**
     * The parent named by a sub-lot sent on its own (its MaterialLotID), or null: nested sub-lots take the enclosing
     * lot or sub-lot as their parent instead.
     */
    private static String parentOfSubLot(XmlNode lot, B2mmlMessage m) {
        String parent = lot.name().equals("MaterialSubLot") ? lot.text("MaterialLotID") : null;
        if (lot.name().equals("MaterialSubLot") && parent == null) {
            m.findings().warn(lot.xpath(), "MaterialLotID", "B2MML-SUBLOT-PARENT", "sub-lot names no "
                    + "MaterialLotID; it is kept as a lot without a parent, so a recall of its lot cannot reach it");
        }
        return parent == null ? null : m.key(parent);
    }

    /** A lot or sub-lot and, depth first, the sub-lots nested in it, each with its enclosing one as parent. */
    private void emitLot(XmlNode lot, String id, String materialKey, String parentKey, B2mmlMessage m) {
        Findings f = m.findings();
        LotStatus status = StatusWords.lot(lot.text("Status"), lot.xpath() + "/Status[1]", f);
        Quantity q = Quantity.first(lot, f);
        if (q.value() == null) {
            f.warnOnce(lot.xpath(), "Quantity", "B2MML-LOT-QUANTITY", "lot states no quantity; kept empty "
                    + "(never a made-up zero)");
        }
        LotProperties props = new LotProperties();
        String propName = lot.name().equals("MaterialSubLot") ? "MaterialSublotProperty" : "MaterialLotProperty";
        for (XmlNode p : lot.all(propName)) {
            property(p, id, props, m);
        }
        if (id != null) {
            String key = m.key(id);
            sink.record(new Lot(key, materialKey, status, q.value(), q.unit(), props.supplier, props.supplierLot,
                    props.expiresAt, parentKey, m.provenance(lot.xpath(), null)));
            props.emitTests(key, sink);
        }
        for (XmlNode sub : lot.all("MaterialSubLot")) {
            // a sub-lot of a lot without ID has no parent to name; that lot's ID-MISSING problem refuses the file
            emitLot(sub, Ids.required(sub, "ID", f), materialKey, id == null ? null : m.key(id), m);
        }
    }

    private void property(XmlNode p, String lotId, LotProperties props, B2mmlMessage m) {
        Findings f = m.findings();
        String pid = p.text("ID");
        String norm = pid == null ? "" : StatusWords.normal(pid);
        XmlNode value = p.child("Value");
        String text = value == null ? null : value.text("ValueString");
        String at = value == null ? p.xpath() : value.xpath() + "/ValueString[1]";
        if (EXPIRY.contains(norm)) {
            props.expiresAt = XmlValues.time(text, at, pid, true, f);
        } else if (SUPPLIER.contains(norm)) {
            props.supplier = text;
        } else if (SUPPLIER_LOT.contains(norm)) {
            props.supplierLot = text;
        } else if (p.child("TestResult") == null) {
            f.warnOnce("lotprop|" + pid, p.xpath(), "MaterialLotProperty " + pid, "B2MML-NOT-MAPPED",
                    "lot property '" + pid + "' has no field in the ledger; not kept");
        }
        for (XmlNode t : p.all("TestResult")) {
            props.tests.add(TestResults.of(t, pid, lotId, m));
        }
    }

    private static final class LotProperties {
        String supplier;
        String supplierLot;
        Instant expiresAt;
        final List<TestResults.Pending> tests = new ArrayList<>();

        void emitTests(String lotKey, RecordSink sink) {
            for (TestResults.Pending t : tests) {
                sink.record(t.against(new RecordRef(RecordType.LOT, lotKey)));
            }
        }
    }
}
