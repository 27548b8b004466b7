package org.batchledger.ingest.batchml;

import java.time.Instant;
import java.util.Set;
import org.batchledger.ingest.RecordSink;
import org.batchledger.ingest.b2mml.B2mmlMessage;
import org.batchledger.ingest.b2mml.Findings;
import org.batchledger.ingest.b2mml.StatusWords;
import org.batchledger.ingest.b2mml.XmlCursor;
import org.batchledger.ingest.b2mml.XmlNode;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;

/**
 * One BatchProductionRecord, streamed: its header becomes the {@link Batch} (emitted before the first entry, so the
 * source's signatures can carry the content hash of the batch as imported); each entry (control recipe record,
 * event, comment, personnel identification, sample) is read whole and mapped by {@link Entries}.
 */
final class BatchRecordReader {
    private static final Set<String> NOT_MAPPED = Set.of("ChangeHistory", "DataSets", "MasterRecipes",
            "RecipeElements", "ResourceQualifications", "OperationsDefinitions", "OperationsPerformances",
            "OperationsSchedules", "ProductDefinitions", "ProductionSchedules", "WorkDirectives", "WorkMasters",
            "WorkPerformances", "WorkSchedules", "BatchProductionRecord");
    private static final Set<String> SECTIONS = Set.of("Comments", "ControlRecipes", "Events",
            "PersonnelIdentification", "Samples");

    private final RecordSink sink;
    private final B2mmlMessage m;
    private final Findings f;
    private String xpath;
    private String id;
    private String batchId;
    private String materialId;
    private String lotId;
    private String status;
    private String statusAt;
    private Instant created;
    private Instant published;
    private Instant changed;
    private Entries entries;
    private boolean refused;

    BatchRecordReader(RecordSink sink, B2mmlMessage m) {
        this.sink = sink;
        this.m = m;
        this.f = m.findings();
    }

    void read(XmlCursor c) {
        xpath = c.xpath();
        while (c.nextChild()) {
            if (m.foreign(c)) {
                XmlNode ext = c.tree();
                if (batch() != null) {
                    entries.extension(ext, "BatchProductionRecord");
                }
            } else if (SECTIONS.contains(c.name())) {
                section(c);
            } else if (NOT_MAPPED.contains(c.name())) {
                f.warnOnce(c.xpath(), c.name(), "BATCHML-NOT-MAPPED", c.name() + " is not imported (no record type "
                        + "for it in the ledger)");
                c.skip();
            } else {
                header(c);
            }
        }
        batch();
    }

    private void header(XmlCursor c) {
        if (entries != null) {
            f.warn(c.xpath(), c.name(), "BATCHML-ORDER", c.name() + " comes after the record's entries; ignored");
            c.skip();
            return;
        }
        switch (c.name()) {
            case "ID" -> id = c.text();
            case "BatchID" -> batchId = c.text();
            case "MaterialDefinitionID" -> materialId = c.text();
            case "LotID" -> lotId = c.text();
            case "RecordStatus" -> {
                statusAt = c.xpath();
                status = c.text();
            }
            case "CreationDate" -> created = c.time(f);
            case "PublishedDate" -> published = c.time(f);
            case "LastChangedDate" -> changed = c.time(f);
            default -> m.unknown(c);
        }
    }

    private void section(XmlCursor c) {
        Entries e = batch();
        while (c.nextChild()) {
            if (m.foreign(c)) {
                XmlNode ext = c.tree();
                if (e != null) {
                    e.extension(ext, c.name());
                }
                continue;
            }
            XmlNode entry = c.tree();
            if (e != null) {
                e.entry(entry);
            }
        }
    }

    /** The batch of this record, emitted once when the header is complete; null when it has no identity. */
    private Entries batch() {
        if (entries != null || refused) {
            return entries;
        }
        String key = batchId != null ? batchId : id;
        if (key == null) {
            f.problem(xpath, "BatchID", "ID-MISSING", "batch production record names neither BatchID nor ID");
            refused = true;
            return null;
        }
        if (batchId == null) {
            f.warnOnce(xpath, "BatchID", "BATCHML-BATCH-ID", "record names no BatchID; its ID is taken as the batch");
        }
        if (materialId == null) {
            f.warnOnce(xpath, "MaterialDefinitionID", "BATCHML-PRODUCT", "record names no MaterialDefinitionID; the "
                    + "batch's product is left empty");
        }
        if (status == null) {
            f.warnOnce(xpath, "RecordStatus", "BATCHML-STATUS", "record states no RecordStatus; batch status left empty");
        }
        if (lotId != null) {
            f.warnOnce(xpath, "LotID", "BATCHML-LOT", "the record names lot " + lotId + " but no quantity; no "
                    + "production edge is recorded (it needs one)");
        }
        f.warnOnce(xpath, "startedAt", "BATCHML-BATCH-TIME", "a batch production record states no batch start or "
                + "end; left empty (the events keep their own times)");
        m.publishedAt(changed != null ? changed : published != null ? published : created);
        Batch batch = new Batch(m.key(key), materialId == null ? null : m.key(materialId), null,
                StatusWords.batch(status, statusAt, "RecordStatus", f), null, null, null, m.provenance(xpath, null));
        sink.record(batch);
        entries = new Entries(sink, m, batch, CanonicalJson.contentHash(batch), id);
        return entries;
    }
}
