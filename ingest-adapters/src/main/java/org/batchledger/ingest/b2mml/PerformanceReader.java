package org.batchledger.ingest.b2mml;

import java.time.Instant;
import java.util.Set;
import org.batchledger.ingest.RecordSink;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;

/**
 * Production/operations performance: each ProductionResponse/OperationsResponse is one executed batch, its
 * SegmentResponses (nested) the steps. The response and its segments are streamed; each actual (material,
 * equipment, personnel, data) is read whole. The {@link Batch} is emitted when its response ends, because its
 * product (the produced material) and, in V0401, its state come after the segments.
 */
final class PerformanceReader {
    static final Set<String> NOUNS = Set.of("ProductionPerformance", "OperationsPerformance", "ProductionResponse",
            "OperationsResponse");

    private final RecordSink sink;

    PerformanceReader(RecordSink sink) {
        this.sink = sink;
    }

    /** What a response has said so far. */
    static final class Response {
        final String xpath;
        String id;
        String requestId;
        String master;
        Instant start;
        Instant end;
        String state;
        String stateAt;
        String productId;

        Response(String xpath) {
            this.xpath = xpath;
        }

        /** The batch is the order the schedule planned when the response names it, else the response itself. */
        String batchId() {
            return requestId != null ? requestId : id;
        }
    }

    boolean read(XmlCursor c, B2mmlMessage m) {
        switch (c.name()) {
            case "ProductionPerformance", "OperationsPerformance" -> performance(c, m);
            case "ProductionResponse", "OperationsResponse" -> response(c, m);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void performance(XmlCursor c, B2mmlMessage m) {
        while (c.nextChild()) {
            if (m.foreign(c)) {
                m.extension(c);
                continue;
            }
            switch (c.name()) {
                case "PublishedDate" -> m.publishedAt(c.time(m.findings()));
                case "ProductionResponse", "OperationsResponse" -> response(c, m);
                default -> m.unknown(c);
            }
        }
    }

    private void response(XmlCursor c, B2mmlMessage m) {
        Findings f = m.findings();
        Response r = new Response(c.xpath());
        SegmentWalker segments = new SegmentWalker(sink, m, r);
        while (c.nextChild()) {
            if (m.foreign(c)) {
                m.extension(c);
                continue;
            }
            switch (c.name()) {
                case "ID" -> r.id = c.text();
                case "ProductionRequestID", "OperationsRequestID" -> r.requestId = c.text();
                case "ProductProductionRuleID", "OperationsDefinitionID" -> r.master = c.text();
                case "StartTime" -> r.start = c.time(f);
                case "EndTime" -> r.end = c.time(f);
                case "ResponseState" -> {
                    r.stateAt = c.xpath();
                    r.state = c.text();
                }
                case "SegmentResponse" -> {
                    if (r.batchId() == null) {
                        f.problem(r.xpath, "ID", "ID-MISSING", "response names no ID nor request ID before its "
                                + "segments; its records cannot name their batch");
                        r.id = "";
                    }
                    segments.segment(c, null);
                }
                default -> m.unknown(c);
            }
        }
        emitBatch(r, m);
    }

    private void emitBatch(Response r, B2mmlMessage m) {
        Findings f = m.findings();
        if (r.batchId() == null || r.batchId().isEmpty()) {
            if (r.batchId() == null) {
                f.problem(r.xpath, "ID", "ID-MISSING", "response names no ID; a batch without identity cannot be "
                        + "ingested");
            }
            return;
        }
        BatchStatus status = StatusWords.batch(r.state, r.stateAt, "ResponseState", f);
        if (r.state == null) {
            f.warnOnce(r.xpath, "ResponseState", "B2MML-BATCH-STATUS", "response states no ResponseState; batch "
                    + "status left empty");
        }
        if (r.productId == null) {
            f.warnOnce(r.xpath, "product", "B2MML-BATCH-PRODUCT", "response has no produced material "
                    + "(MaterialUse Produced); the batch's product is left empty");
        }
        if (r.start == null && r.end == null) {
            f.warnOnce(r.xpath, "StartTime", "B2MML-BATCH-TIME", "response states no StartTime/EndTime; left empty");
        }
        sink.record(new Batch(m.key(r.batchId()), r.productId == null ? null : m.key(r.productId), null, status,
                r.master, r.start, r.end, m.provenance(r.xpath, r.end != null ? r.end : r.start)));
    }
}
