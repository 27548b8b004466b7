package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.util.Set;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;

/**
 * Production/operations schedules: each ProductionRequest/OperationsRequest (an order) → a {@link Batch} with status
 * PLANNED, its product the material the request produces, its StartTime/EndTime as {@code plannedStart}/
 * {@code plannedEnd}. The schedule is streamed, each request read whole.
 */
final class ScheduleReader {
    static final Set<String> NOUNS = Set.of("ProductionSchedule", "OperationsSchedule", "ProductionRequest",
            "OperationsRequest");

    private final RecordSink sink;

    ScheduleReader(RecordSink sink) {
        this.sink = sink;
    }

    boolean read(XmlCursor c, B2mmlMessage m) {
        switch (c.name()) {
            case "ProductionSchedule", "OperationsSchedule" -> schedule(c, m);
            case "ProductionRequest", "OperationsRequest" -> request(c.tree(), m);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void schedule(XmlCursor c, B2mmlMessage m) {
        while (c.nextChild()) {
            if (m.foreign(c)) {
                m.extension(c);
                continue;
            }
            switch (c.name()) {
                case "PublishedDate" -> m.publishedAt(c.time(m.findings()));
                case "ProductionRequest", "OperationsRequest" -> request(c.tree(), m);
                default -> m.unknown(c);
            }
        }
    }

    private void request(XmlNode q, B2mmlMessage m) {
        Findings f = m.findings();
        String id = Ids.required(q, "ID", f);
        String product = produced(q);
        if (product == null) {
            f.warnOnce(q.xpath(), "product", "B2MML-BATCH-PRODUCT", "request names no produced material "
                    + "(MaterialProducedRequirement or MaterialRequirement with MaterialUse Produced); product left empty");
        }
        Instant plannedStart = XmlValues.time(q.text("StartTime"), q.xpath() + "/StartTime[1]", "StartTime", false,
                f);
        Instant plannedEnd = XmlValues.time(q.text("EndTime"), q.xpath() + "/EndTime[1]", "EndTime", false, f);
        if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
            f.problem(q.xpath() + "/EndTime[1]", "EndTime", "TIME-ORDER", "the request's planned end (" + plannedEnd
                    + ") is before its planned start (" + plannedStart + ")");
        }
        String master = q.text("ProductProductionRuleID") != null ? q.text("ProductProductionRuleID")
                : q.text("OperationsDefinitionID");
        if (id != null) {
            // a request plans the batch: its times are planned ones, never startedAt/endedAt (actual times)
            sink.record(new Batch(m.key(id), product == null ? null : m.key(product), null, BatchStatus.PLANNED,
                    master, null, null, plannedStart, plannedEnd, m.provenance(q.xpath(), null)));
        }
    }

    /** The first material the request (or a nested segment requirement) produces. */
    private static String produced(XmlNode n) {
        for (XmlNode c : n.children()) {
            boolean producedRequirement = c.name().equals("MaterialProducedRequirement")
                    || c.name().equals("MaterialRequirement") && c.text("MaterialUse") != null
                    && StatusWords.normal(c.text("MaterialUse")).endsWith("produced");
            if (producedRequirement && c.text("MaterialDefinitionID") != null) {
                return c.text("MaterialDefinitionID");
            }
            if (c.name().equals("SegmentRequirement")) {
                String p = produced(c);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }
}
