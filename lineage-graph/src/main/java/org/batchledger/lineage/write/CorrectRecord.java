package org.batchledger.lineage.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.InvalidValueException;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.json.RecordFields;

/**
 * Corrects one record by a new version: never in place. The {@link CorrectionRules} are checked for every field
 * before anything is read or written. The new version is a new node ({@code version + 1}), the old one gets
 * {@code supersededAtSeq} and a {@code SUPERSEDES} edge points from new to old; the entry {@code CORRECT} names
 * both content hashes. Edges stay on version 1, so reads see the corrected content without any edge moving.
 */
final class CorrectRecord implements LedgeredCommand<CorrectionReceipt> {
    static final String ACTION = "CORRECT";
    private static final String SUPERSEDE = """
            MATCH (old:%s {key: $key, version: $version})
            SET old.supersededAtSeq = $seq
            CREATE (new:%1$s) SET new = $props
            CREATE (new)-[:SUPERSEDES {seq: $seq}]->(old)""";
    private static final String BY_SEQ = "MATCH (n:%s {ledgerSeq: $seq}) RETURN properties(n) AS p";

    static final int MAX_REASON = 2_000;
    static final int MAX_VALUE = 10_000;

    private final CorrectionRequest request;
    private final CommandHeader header;

    CorrectRecord(CorrectionRequest request) {
        requireAllowed(request);
        this.request = new CorrectionRequest(request.type(), request.key(), stored(request), request.actor(),
                request.reason(), request.idempotencyKey());
        Map<String, Object> content = new TreeMap<>();
        content.put("type", request.type().graphName());
        content.put("key", request.key());
        content.put("changes", new TreeMap<>(this.request.changes()));
        String requestHash = RequestHash.of("CorrectRecord", request.actor(), request.reason(), content);
        this.header = new CommandHeader(request.idempotencyKey(), request.actor(), request.reason(), requestHash);
    }

    private static void requireAllowed(CorrectionRequest request) {
        String record = request.type().graphName() + ":" + request.key();
        CorrectionRules.typeRefusal(request.type()).ifPresent(rule -> {
            throw new CorrectionRefusedException(record, request.changes().keySet().stream().sorted().findFirst()
                    .orElse(null), rule, false);
        });
        if (request.changes().isEmpty()) {
            throw problem(request, "changes", "name at least one field to correct");
        }
        request.changes().keySet().stream().sorted().forEach(field -> CorrectionRules
                .refusal(request.type(), field, request.actor().roles()).ifPresent(refusal -> {
                    throw new CorrectionRefusedException(record, field, refusal.rule(), refusal.forbidden());
                }));
        if (request.reason() == null || request.reason().isBlank()) {
            throw problem(request, "reason", "a correction needs a reason");
        }
        // Ledgered forever and shown in every audit trail: bounded, as any record's text is.
        if (request.reason().length() > MAX_REASON) {
            throw problem(request, "reason", "a reason of " + request.reason().length()
                    + " characters is longer than the limit " + MAX_REASON);
        }
        request.changes().forEach((field, value) -> {
            if (value instanceof String text && text.length() > MAX_VALUE) {
                throw problem(request, field, "a value of " + text.length() + " characters is longer than the limit "
                        + MAX_VALUE);
            }
        });
    }

    // Values given as text (the API's) become the field's stored value; typed values are taken as they are.
    private static Map<String, Object> stored(CorrectionRequest request) {
        Map<String, Object> stored = new HashMap<>();
        request.changes().forEach((field, value) -> {
            try {
                stored.put(field, value instanceof String text
                        ? RecordFields.storedValue(request.type(), field, text) : value);
            } catch (RecordFields.BadValueException e) {
                throw problem(request, field, e.getMessage());
            }
        });
        return stored;
    }

    @Override
    public CommandHeader header() {
        return header;
    }

    @Override
    public Plan<CorrectionReceipt> plan(Tx tx) {
        CurrentVersion current = CurrentVersion.read(tx, request);
        LedgerRecord corrected = current.apply(request);
        String hash;
        try {
            hash = CanonicalJson.contentHash(corrected);
        } catch (InvalidValueException e) {
            throw problem(request, e.field(), e.getMessage());
        }
        if (hash.equals(current.contentHash())) {
            throw problem(request, "changes", "change nothing: the record already has these values");
        }
        long version = current.version() + 1;
        List<Change> changes = List.of(new Change(ACTION, request.type().graphName(), request.key(), version, hash,
                current.contentHash()));
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public CorrectionReceipt write(Tx tx, long seq) {
                supersede(tx, corrected, current.version(), hash, seq);
                return new CorrectionReceipt(corrected, version, seq, hash, current.contentHash(), false, null);
            }
        };
    }

    /** Writes {@code next} as version {@code version + 1} of its record, superseding {@code version}, at entry {@code seq}. */
    static void supersede(Tx tx, LedgerRecord next, long version, String hash, long seq) {
        Map<String, Object> props = new HashMap<>(RecordProperties.of(next));
        props.putAll(Map.of("contentHash", hash, "ledgerSeq", seq, "version", version + 1));
        tx.run(SUPERSEDE.formatted(next.type().graphName()), Map.of("key", next.key(), "version", version,
                "seq", seq, "props", props)).consume();
    }

    @Override
    public CorrectionReceipt replay(Tx tx, Commit commit) {
        Map<String, Object> p = tx.run(BY_SEQ.formatted(request.type().graphName()), Map.of("seq", commit.lastSeq()))
                .single().get("p").asMap();
        LedgerRecord record = RecordProperties.toRecord(p, request.type().javaType());
        return new CorrectionReceipt(record, ((Number) p.get("version")).longValue(), commit.lastSeq(),
                (String) p.get("contentHash"), null, true, null);
    }

    static InvalidRecordsException problem(CorrectionRequest request, String field, String message) {
        return new InvalidRecordsException(List.of(new InvalidRecordsException.Problem(
                request.type().graphName() + ":" + request.key(), null, field, message)));
    }
}
