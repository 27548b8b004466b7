package org.batchledger.ingest.batchml;

import java.time.Instant;
import java.util.List;
import org.batchledger.ingest.RecordSink;
import org.batchledger.ingest.b2mml.B2mmlMessage;
import org.batchledger.ingest.b2mml.Findings;
import org.batchledger.ingest.b2mml.Ids;
import org.batchledger.ingest.b2mml.XmlNode;
import org.batchledger.ingest.b2mml.XmlValues;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.StepRecord;

/**
 * The entries of one batch production record → records of its batch. Every entry carries the BatchML entry group
 * (EntryID, ObjectType, TimeStamp); the EntryID makes the keys.
 */
final class Entries {
    final RecordSink sink;
    final B2mmlMessage m;
    final Findings f;
    final Batch batch;
    final String batchHash;
    final String recordId;

    Entries(RecordSink sink, B2mmlMessage m, Batch batch, String batchHash, String recordId) {
        this.sink = sink;
        this.m = m;
        this.f = m.findings();
        this.batch = batch;
        this.batchHash = batchHash;
        this.recordId = recordId;
    }

    void entry(XmlNode e) {
        switch (e.name()) {
            case "ControlRecipeRecord" -> new RecipeSteps(this).record(e);
            case "Event" -> event(e);
            case "Comment" -> comment(e);
            case "PersonnelIdentificationManifest" -> new SourceSignatures(this).manifest(e);
            case "Sample" -> new SampleResults(this).sample(e);
            default -> {
                if (e.name().equals("Any")) {
                    extension(e, "BatchProductionRecord");
                }
            }
        }
    }

    /** A key inside this batch: {@code <namespace>:<batch id>/<local part>}. */
    String key(String local) {
        return batch.key() + "/" + local;
    }

    Instant time(XmlNode e) {
        return XmlValues.time(e.text("TimeStamp"), e.xpath() + "/TimeStamp[1]", "TimeStamp", false, f);
    }

    void step(String key, String step, String parameter, String value, String unit, Double low, Double high,
              Instant at, String by, String locator) {
        sink.record(new StepRecord(key, batch.key(), step, parameter, value, unit, low, high, at, by,
                m.provenance(locator, at)));
    }

    private void event(XmlNode e) {
        String entry = Ids.required(e, "EntryID", f);
        if (entry == null) {
            return;
        }
        Instant at = time(e);
        if (at == null) {
            f.warnOnce(e.xpath(), "TimeStamp", "BATCHML-EVENT-TIME", "event states no TimeStamp; executedAt left empty");
        }
        List<String> refs = e.all("ProceduralElementReference").stream().map(XmlNode::text).toList();
        String step = refs.isEmpty() || refs.getFirst() == null ? "event" : String.join(", ", refs);
        String sub = e.text("EventSubType");
        String parameter = (e.text("EventType") == null ? "Event" : e.text("EventType")) + (sub == null ? "" : "/" + sub);
        XmlNode v = e.child("Value");
        String value = v != null ? v.text("ValueString") : e.firstText("MessageText");
        String unit = v == null ? null : v.text("UnitOfMeasure");
        String by = joined(e.all("PersonID"));
        step(key("event/" + entry), step, parameter, value, unit, null, null, at, by, e.xpath());
        for (XmlNode a : e.all("UserAttribute")) {
            XmlNode av = a.child("Value");
            step(key("event/" + entry + "/" + a.text("AttributeID")), step, parameter + "/" + a.text("AttributeID"),
                    av == null ? null : av.text("ValueString"), av == null ? null : av.text("UnitOfMeasure"), null, null,
                    at, by, a.xpath());
        }
        for (XmlNode eq : e.all("EquipmentID")) {
            if (eq.text() != null) {
                sink.record(new EquipmentUse(key("event/" + entry + "/equipment/" + eq.text()), batch.key(),
                        m.key(eq.text()), step, at, at, m.provenance(eq.xpath(), at)));
            }
        }
        if (e.all("Value").size() > 1) {
            f.warnOnce(e.xpath(), "Value", "BATCHML-MORE-VALUES", "event states several values; the first is kept");
        }
        extensions(e, step);
    }

    private void comment(XmlNode e) {
        String entry = Ids.required(e, "EntryID", f);
        if (entry == null) {
            return;
        }
        List<XmlNode> texts = e.all("CommentText").isEmpty() ? e.all("Comment") : e.all("CommentText");
        String text = String.join("\n", texts.stream().map(XmlNode::text).filter(t -> t != null).toList());
        String ref = e.text("RecordReference");
        step(key("comment/" + entry), ref == null ? "comment" : ref, "Comment", text.isEmpty() ? null : text, null,
                null, null, time(e), e.text("PersonID"), e.xpath());
    }

    /** Vendor elements (another namespace, or Any) are kept as step records, not refused, with a warning. */
    void extensions(XmlNode owner, String step) {
        for (XmlNode c : owner.children()) {
            if (!c.namespace().equals(m.version().namespace()) || c.name().equals("Any")) {
                extension(c, step);
            }
        }
    }

    void extension(XmlNode x, String step) {
        f.warnOnce(x.xpath(), x.name(), "BATCHML-EXTENSION", "vendor extension " + x.name() + " ('" + x.namespace()
                + "') kept as a step record");
        String value = x.text() != null ? x.text() : pairs(x.children());
        step(key("extension/" + x.xpath().replaceAll("^/[^/]+/", "")), step, x.name(), value, null, null, null, null,
                null, x.xpath());
    }

    /** Texts of nodes as one string, null when none has text. */
    static String joined(List<XmlNode> nodes) {
        List<String> texts = nodes.stream().map(XmlNode::text).filter(t -> t != null).toList();
        return texts.isEmpty() ? null : String.join(", ", texts);
    }

    /** A vendor element's children as {@code name=text} pairs, so nothing it said is dropped. */
    private static String pairs(List<XmlNode> nodes) {
        List<String> texts = nodes.stream().filter(n -> n.text() != null).map(n -> n.name() + "=" + n.text()).toList();
        return texts.isEmpty() ? null : String.join(", ", texts);
    }
}
