package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.record.RecordType;

/**
 * Creates canonical records (version 1 each) with their reference edges and genealogy relationships. The whole
 * request is validated first (keys, references to records in the request or the graph); any problem refuses all
 * of it.
 */
final class CreateRecords implements LedgeredCommand<Map<RecordType, Integer>> {
    static final String ACTION = "CREATE";

    private final WriteRequest request;
    private final List<PreparedRecord> records;
    private final CommandHeader header;

    CreateRecords(WriteRequest request) {
        this.request = request;
        this.records = PreparedRecord.prepare(request.records());
        List<Map<String, Object>> content = new ArrayList<>(records.size());
        for (PreparedRecord r : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", r.type().graphName());
            row.put("key", r.key());
            row.put("contentHash", r.contentHash());
            content.add(row);
        }
        String requestHash = RequestHash.of("CreateRecords", request.actor(), request.reason(), content);
        this.header = new CommandHeader(request.idempotencyKey(), request.actor(), request.reason(), requestHash);
    }

    @Override
    public CommandHeader header() {
        return header;
    }

    @Override
    public Plan<Map<RecordType, Integer>> plan(Tx tx) {
        GraphChecks.requireValid(tx, records);
        List<Change> changes = new ArrayList<>(records.size());
        for (PreparedRecord r : records) {
            changes.add(new Change(ACTION, r.type().graphName(), r.key(), 1, r.contentHash(), null));
        }
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public Map<RecordType, Integer> write(Tx tx, long firstSeq) {
                for (int i = 0; i < records.size(); i++) {
                    PreparedRecord r = records.get(i);
                    r.properties().put("ledgerSeq", firstSeq + i);
                    if (!r.type().isRelationship()) {
                        r.properties().put("version", 1L);
                    }
                }
                GraphWrites.create(tx, records);
                return counts();
            }
        };
    }

    @Override
    public Map<RecordType, Integer> replay(Tx tx, Commit commit) {
        return counts();
    }

    private Map<RecordType, Integer> counts() {
        Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        records.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }
}
