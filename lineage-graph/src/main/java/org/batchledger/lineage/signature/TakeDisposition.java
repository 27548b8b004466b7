package org.batchledger.lineage.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.signature.Involvement.Person;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Batch.BatchStatus;
import org.batchledger.schema.record.Disposition;
import org.batchledger.schema.record.Disposition.DispositionDecision;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Lot.LotStatus;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * {@code disposition}: a {@link Disposition} record with the genealogy snapshot, the releaser's {@link Signature} on
 * the batch (meaning = decision) and, for RELEASED and REJECTED, the batch's and its produced lots' new versions with
 * that status ({@code TRANSITION} entries, like a workflow's), all in one ledger write. Checked under the head lock,
 * in this order: qa-release, the batch exists and is completed, a recent authentication, the head is where
 * readiness was read (else {@link HeadMoved}: read again), a justification unless every check passed, no standing
 * disposition (one whose signature is not withdrawn), and segregation of duties.
 */
final class TakeDisposition extends CreatingCommand<Dispositions.Disposed> {
    static final String ACTION = "TRANSITION";
    private static final String BATCH = """
            MATCH (n:Batch {key: $key}) WHERE""" + Visibility.current("n") + """
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash""";
    private static final String OUTPUT_LOTS = """
            MATCH (:Batch {key: $key})-[p:PRODUCED]->(l:Lot)
            WHERE""" + Visibility.current("p") + """
            WITH DISTINCT l.key AS lotKey
            MATCH (n:Lot {key: lotKey}) WHERE""" + Visibility.current("n") + """
            RETURN properties(n) AS p, coalesce(n.version, 1) AS version, n.contentHash AS hash ORDER BY n.key""";
    private static final String STANDING = """
            MATCH (d:Disposition {batchKey: $key}) WHERE""" + Visibility.current("d") + """
              AND NOT EXISTS { MATCH (:SignatureWithdrawal {signatureKey: d.signatureKey}) }
            RETURN d.key AS key, d.decision AS decision LIMIT 1""";
    private static final String HEAD = "MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.treeSize, 0) AS size";
    private static final String BY_KEY = "MATCH (n:%s {key: $key}) WHERE " + Visibility.current("n") + " RETURN properties(n) AS p";

    /** The head moved between reading readiness and taking the lock: read again. Never leaves the signature package. */
    static final class HeadMoved extends RuntimeException {
        HeadMoved() {
            super("the ledger head moved since readiness was read", null, false, false);
        }
    }

    private final DispositionRequest request;
    private final Dispositions.Reading reading;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;
    private final String record;
    private final String key;
    private final List<NewVersion> next = new ArrayList<>();
    private Batch batchAfter;

    TakeDisposition(DispositionRequest request, Dispositions.Reading reading, MeaningRules rules,
                    Reauthentication reauthentication, Clock clock) {
        // The entry's "why": the justification, else the decision itself.
        super("Disposition", request.actor(), request.justification() == null ? request.decision().name()
                : request.justification(), request.idempotencyKey(), content(request));
        this.request = request;
        this.reading = reading;
        this.rules = rules;
        this.reauthentication = reauthentication;
        this.clock = clock;
        this.record = RecordType.BATCH.graphName() + ":" + request.batchKey();
        this.key = "hub:disp:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(DispositionRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("batch", r.batchKey());
        content.put("decision", r.decision().name());
        return content;
    }

    /** The signature meaning of each decision: an exhaustive policy, so a new decision fails to compile. */
    static SignatureMeaning meaning(DispositionDecision decision) {
        return switch (decision) {
            case RELEASED -> SignatureMeaning.RELEASED;
            case CONDITIONALLY_RELEASED -> SignatureMeaning.CONDITIONALLY_RELEASED;
            case ON_HOLD -> SignatureMeaning.ON_HOLD;
            case REJECTED -> SignatureMeaning.REJECTED;
        };
    }

    /** The status a decision gives the batch and its lots; null: the decision is recorded, the status stays. */
    static BatchStatus batchStatus(DispositionDecision decision) {
        return switch (decision) {
            case RELEASED -> BatchStatus.RELEASED;
            case REJECTED -> BatchStatus.REJECTED;
            case CONDITIONALLY_RELEASED, ON_HOLD -> null;
        };
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        SignatureMeaning meaning = meaning(request.decision());
        if (rules.grant(meaning).roles().stream().noneMatch(request.actor().roles()::contains)) {
            throw new SignatureRefusedException(record, SigningRule.DISPOSITION_ROLE);
        }
        var rows = tx.run(BATCH, Map.of("key", request.batchKey())).list();
        if (rows.isEmpty() || !reading.exists()) {
            throw new SignatureRefusedException(record, SigningRule.UNKNOWN_RECORD);
        }
        Batch batch = RecordProperties.toRecord(rows.getFirst().get("p").asMap(), Batch.class);
        if (batch.status() == BatchStatus.PLANNED || batch.status() == BatchStatus.IN_PROCESS) {
            throw new SignatureRefusedException(record, SigningRule.DISPOSITION_STATUS, Map.of("status",
                    batch.status().name()));
        }
        reauthentication.require(record, request.authenticatedAt());
        if (tx.run(HEAD, Map.of()).single().get("size").asLong() != reading.treeSize()) {
            throw new HeadMoved();
        }
        if (!reading.ready() && request.justification() == null) {
            throw new SignatureRefusedException(record, SigningRule.DISPOSITION_JUSTIFICATION,
                    Map.of("failingChecks", reading.failingChecks(), "treeSize", reading.treeSize()));
        }
        var standing = tx.run(STANDING, Map.of("key", request.batchKey())).list();
        if (!standing.isEmpty()) {
            throw new SignatureRefusedException(record, SigningRule.DISPOSITION_ONCE, Map.of(
                    "disposition", RecordType.DISPOSITION.graphName() + ":" + standing.getFirst().get("key").asString(),
                    "decision", standing.getFirst().get("decision").asString()));
        }
        requireSegregation(tx, meaning);
        String signedHash = newStatus(tx, batch, rows.getFirst().get("version").asLong(),
                rows.getFirst().get("hash").asString());
        return create(meaning, signedHash);
    }

    private void requireSegregation(Tx tx, SignatureMeaning meaning) {
        RecordRef batchRef = new RecordRef(RecordType.BATCH, request.batchKey());
        List<RecordRef> batchRecords = Involvement.recordsOfBatch(tx, request.batchKey());
        Involvement involvement = Involvement.of(tx, batchRecords);
        Person releaser = Person.of(request.actor());
        SegregationOfDuties.refusal(rules, meaning, releaser, batchRef, batchRecords, involvement)
                .ifPresent(rule -> {
                    throw new SignatureRefusedException(record, rule);
                });
    }

    /** Plans the batch's and its lots' new versions; returns the content hash the signature binds (the batch's). */
    private String newStatus(Tx tx, Batch batch, long version, String hash) {
        BatchStatus status = batchStatus(request.decision());
        if (status == null || status == batch.status()) {
            batchAfter = batch;
            return hash;
        }
        batchAfter = batch.withStatus(status);
        next.add(new NewVersion(batchAfter, version, hash, ACTION));
        LotStatus lotStatus = status == BatchStatus.RELEASED ? LotStatus.RELEASED : LotStatus.REJECTED;
        for (var row : tx.run(OUTPUT_LOTS, Map.of("key", batch.key())).list()) {
            Lot lot = RecordProperties.toRecord(row.get("p").asMap(), Lot.class);
            // A lot already consumed downstream keeps saying so; the batch's status carries the decision.
            if (lot.status() != lotStatus && lot.status() != LotStatus.CONSUMED) {
                next.add(new NewVersion(lot.withStatus(lotStatus), row.get("version").asLong(),
                        row.get("hash").asString(), ACTION));
            }
        }
        return CanonicalJson.contentHash(batchAfter);
    }

    private List<LedgerRecord> create(SignatureMeaning meaning, String signedHash) {
        Instant now = clock.instant();
        var actor = request.actor();
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now);
        String signatureKey = key + ":signature";
        GenealogySnapshot s = reading.snapshot();
        return List.of(
                new Signature(signatureKey, new RecordRef(RecordType.BATCH, request.batchKey()), signedHash,
                        actor.subject(), actor.displayName(), meaning, request.justification(), now, null, provenance),
                new Disposition(key, request.batchKey(), request.decision(), request.justification(),
                        reading.failingChecks(), signatureKey, s.treeSize(), s.nodesSha256(), s.edgesSha256(),
                        s.nodeCount(), s.edgeCount(), now, provenance));
    }

    @Override
    protected List<NewVersion> newVersions() {
        return next;
    }

    @Override
    protected Dispositions.Disposed result(List<LedgerRecord> records, long lastSeq) {
        return new Dispositions.Disposed((Disposition) records.get(1), (Signature) records.get(0), batchAfter,
                lastSeq, false, null);
    }

    @Override
    protected Dispositions.Disposed replayed(Tx tx, long lastSeq) {
        Disposition d = read(tx, RecordType.DISPOSITION, key, Disposition.class);
        return new Dispositions.Disposed(d, read(tx, RecordType.SIGNATURE, d.signatureKey(), Signature.class),
                read(tx, RecordType.BATCH, d.batchKey(), Batch.class), lastSeq, true, null);
    }

    private static <T extends LedgerRecord> T read(Tx tx, RecordType type, String key, Class<T> as) {
        return RecordProperties.toRecord(tx.run(BY_KEY.formatted(type.graphName()), Map.of("key", key)).single()
                .get("p").asMap(), as);
    }
}
