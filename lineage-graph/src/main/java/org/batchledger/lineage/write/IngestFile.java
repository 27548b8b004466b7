package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.InvalidRecordsException.Problem;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * One ingested file as one ledgered command: its SourceFile and every record read from it, all or nothing. A record
 * the file repeats with exactly the content already recorded (a master record sent again) is skipped and named;
 * one with other content is refused (a correction must supersede it). References to records not recorded yet are
 * kept open ({@link PendingReferences}) unless the request is strict.
 */
final class IngestFile implements LedgeredCommand<FileIngestReceipt> {
    private static final String NODE_HASHES = """
            UNWIND $keys AS k MATCH (n:%s {key: k}) RETURN k, collect(n.contentHash) AS hashes""";
    private static final String RELATIONSHIP_HASHES = """
            UNWIND $keys AS k MATCH ()-[r:%s {key: k}]->() RETURN k, collect(r.contentHash) AS hashes""";

    private final List<PreparedRecord> records;
    private final CommandHeader header;
    private final boolean strict;
    private final boolean staged;

    /**
     * One chunk of a file written under the ingest lease: its records are staged; references are kept open rather
     * than refused (their target may come in a later chunk; strictness is checked when the file is published).
     */
    IngestFile(List<LedgerRecord> chunk, CommandHeader header) {
        this.records = PreparedRecord.prepare(chunk);
        this.header = header;
        this.strict = false;
        this.staged = true;
    }

    IngestFile(FileIngestRequest request) {
        this.strict = request.strict();
        this.staged = false;
        List<LedgerRecord> all = new ArrayList<>(request.records().size() + 1);
        all.add(request.sourceFile());
        all.addAll(request.records());
        this.records = PreparedRecord.prepare(all);
        List<Map<String, Object>> content = new ArrayList<>(records.size());
        for (PreparedRecord r : records) {
            content.add(Map.of("type", r.type().graphName(), "key", r.key(), "contentHash", r.contentHash()));
        }
        String requestHash = RequestHash.of("IngestFile", request.actor(), request.reason(),
                Map.of("strict", request.strict(), "records", content));
        this.header = new CommandHeader(request.idempotencyKey(), request.actor(), request.reason(), requestHash);
    }

    @Override
    public CommandHeader header() {
        return header;
    }

    @Override
    public Plan<FileIngestReceipt> plan(Tx tx) {
        List<RecordRef> repeated = new ArrayList<>();
        List<PreparedRecord> fresh = withoutRepeats(tx, repeated);
        List<PendingReference> pending = GraphChecks.requireValid(tx, fresh, !strict);
        List<Change> changes = new ArrayList<>(fresh.size());
        for (PreparedRecord r : fresh) {
            changes.add(new Change(CreateRecords.ACTION, r.type().graphName(), r.key(), 1, r.contentHash(), null));
        }
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public FileIngestReceipt write(Tx tx, long firstSeq) {
                for (int i = 0; i < fresh.size(); i++) {
                    PreparedRecord r = fresh.get(i);
                    r.properties().put("ledgerSeq", firstSeq + i);
                    if (!r.type().isRelationship()) {
                        r.properties().put("version", 1L);
                    }
                    if (staged) {
                        // hidden from every read until the head covers its ledgerSeq (Visibility)
                        r.properties().put("supersededAtSeq", Visibility.STAGED);
                    }
                }
                GraphWrites.create(tx, fresh, pending, staged);
                return new FileIngestReceipt(counts(fresh), firstSeq, firstSeq + fresh.size() - 1, pending,
                        repeated, false, null);
            }
        };
    }

    // Keys already recorded: the same content is skipped (and named), other content refuses the file.
    private List<PreparedRecord> withoutRepeats(Tx tx, List<RecordRef> repeated) {
        Map<RecordRef, List<String>> hashes = new HashMap<>();
        records.stream().collect(Collectors.groupingBy(PreparedRecord::type, LinkedHashMap::new, Collectors.toList()))
                .forEach((type, list) -> tx.run((type.isRelationship() ? RELATIONSHIP_HASHES : NODE_HASHES)
                                .formatted(type.graphName()), Map.of("keys", list.stream().map(PreparedRecord::key).toList()))
                        .forEachRemaining(r -> hashes.put(new RecordRef(type, r.get("k").asString()),
                                r.get("hashes").asList(v -> v.asString()))));
        List<PreparedRecord> fresh = new ArrayList<>(records.size());
        List<Problem> problems = new ArrayList<>();
        for (PreparedRecord r : records) {
            List<String> known = hashes.get(r.ref());
            if (known == null) {
                fresh.add(r);
            } else if (known.contains(r.contentHash()) && r.type() != RecordType.SOURCE_FILE) {
                repeated.add(r.ref());
            } else {
                problems.add(new Problem(r.ref().toString(), r.locator(), "key",
                        "already recorded with other content; a correction must supersede it"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordsException(problems);
        }
        return fresh;
    }

    @Override
    public FileIngestReceipt replay(Tx tx, Commit commit) {
        return new FileIngestReceipt(counts(records), commit.firstSeq(), commit.lastSeq(), List.of(), List.of(), true,
                null);
    }

    private static Map<RecordType, Integer> counts(List<PreparedRecord> records) {
        Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
        records.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }
}
