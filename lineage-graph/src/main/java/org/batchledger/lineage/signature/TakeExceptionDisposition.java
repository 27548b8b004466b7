package org.batchledger.lineage.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.batchledger.lineage.release.Evidence;
import org.batchledger.lineage.release.ExceptionReviews;
import org.batchledger.lineage.release.ReviewException;
import org.batchledger.lineage.signature.Involvement.Person;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.ExceptionDisposition;
import org.batchledger.schema.record.ExceptionDisposition.ExceptionDecision;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;

/**
 * {@code dispositionException}: an {@link ExceptionDisposition} bound to the exception's id and evidence hash, the
 * reviewer's signature on it (EXCEPTION_REVIEWED) and, for RAISE_DEVIATION, a new OPEN deviation impacting the
 * batch, all in one ledger write. Checked under the head lock, in this order: the head is where the queue was read
 * (else {@link TakeDisposition.HeadMoved}), the reviewer's role, a comment, a recent authentication, no standing
 * decision on this exception and evidence, no deviation raised from it before (RAISE_DEVIATION), and that the
 * reviewer performed, recorded and corrected none of the records behind it.
 */
final class TakeExceptionDisposition extends CreatingCommand<ExceptionDispositions.Decided> {
    private static final String HEAD = "MATCH (h:LedgerHead {id: 'main'}) RETURN coalesce(h.treeSize, 0) AS size";
    private static final String BY_KEY = "MATCH (n:%s {key: $key}) WHERE " + Visibility.current("n") + " RETURN properties(n) AS p";

    private final ExceptionDispositionRequest request;
    private final ExceptionDispositions.Reading reading;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;
    private final String record;
    private final String key;

    TakeExceptionDisposition(ExceptionDispositionRequest request, ExceptionDispositions.Reading reading,
                             MeaningRules rules, Reauthentication reauthentication, Clock clock) {
        super("ExceptionDisposition", request.actor(), request.comment() == null ? request.decision().name()
                : request.comment(), request.idempotencyKey(), content(request));
        this.request = request;
        this.reading = reading;
        this.rules = rules;
        this.reauthentication = reauthentication;
        this.clock = clock;
        this.record = RecordType.BATCH.graphName() + ":" + request.batchKey();
        this.key = "hub:exc:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(ExceptionDispositionRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("batch", r.batchKey());
        content.put("exception", r.exceptionId());
        content.put("decision", r.decision().name());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        if (tx.run(HEAD, Map.of()).single().get("size").asLong() != reading.treeSize()) {
            throw new TakeDisposition.HeadMoved();
        }
        if (rules.grant(SignatureMeaning.EXCEPTION_REVIEWED).roles().stream()
                .noneMatch(request.actor().roles()::contains)) {
            throw new SignatureRefusedException(record, SigningRule.EXCEPTION_ROLE);
        }
        if (request.comment() == null || request.comment().length() > TextLimits.COMMENT) {
            throw new SignatureRefusedException(record, SigningRule.EXCEPTION_COMMENT, Map.of("maxLength",
                    TextLimits.COMMENT));
        }
        reauthentication.require(record, request.authenticatedAt());
        ReviewException x = reading.exception();
        List<RecordRef> evidence = x.records().stream().map(Evidence::record).distinct().toList();
        String evidenceSha256 = ExceptionReviews.evidenceSha256(x,
                ExceptionReviews.contentHashes(tx, evidence, AsOf.CURRENT));
        requireUndecided(tx, x, evidenceSha256);
        requireNotOwn(tx, evidence);
        return create(x, evidenceSha256);
    }

    private void requireUndecided(Tx tx, ReviewException x, String evidenceSha256) {
        for (ExceptionReviews.Decision d : ExceptionReviews.decisions(tx, List.of(request.batchKey()), AsOf.CURRENT)) {
            if (!d.exceptionId().equals(x.id())) {
                continue;
            }
            if (d.evidenceSha256().equals(evidenceSha256)) {
                throw new SignatureRefusedException(record, SigningRule.EXCEPTION_ONCE, details(d));
            }
            if (request.decision() == ExceptionDecision.RAISE_DEVIATION
                    && ExceptionDecision.RAISE_DEVIATION.name().equals(d.decision())) {
                throw new SignatureRefusedException(record, SigningRule.EXCEPTION_DEVIATION_ONCE, details(d));
            }
        }
    }

    private static Map<String, Object> details(ExceptionReviews.Decision d) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("exceptionId", d.exceptionId());
        details.put("exceptionDisposition", RecordType.EXCEPTION_DISPOSITION.graphName() + ":" + d.key());
        details.put("decision", d.decision());
        if (d.deviationKey() != null) {
            details.put("deviation", RecordType.DEVIATION.graphName() + ":" + d.deviationKey());
        }
        return details;
    }

    /** No one reviews their own record: the reviewer performed, recorded and corrected none of the evidence. */
    private void requireNotOwn(Tx tx, List<RecordRef> evidence) {
        List<RecordRef> nodes = evidence.stream().filter(r -> !r.type().isRelationship()).toList();
        Involvement involvement = Involvement.of(tx, nodes);
        Person reviewer = Person.of(request.actor());
        for (RecordRef r : nodes) {
            if (involvement.performed(r, reviewer) || involvement.recorded(r, reviewer)
                    || involvement.corrected(r, reviewer)) {
                throw new SignatureRefusedException(record, SigningRule.SOD_REVIEW_OWN, Map.of("evidence",
                        r.toString()));
            }
        }
    }

    private List<LedgerRecord> create(ReviewException x, String evidenceSha256) {
        Instant now = clock.instant();
        var actor = request.actor();
        Provenance provenance = new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now);
        Deviation deviation = null;
        if (request.decision() == ExceptionDecision.RAISE_DEVIATION) {
            String title = "Review exception " + x.exceptionClass() + ": " + x.reason();
            deviation = new Deviation(key + ":deviation", title.length() > TextLimits.TITLE
                    ? title.substring(0, TextLimits.TITLE - 1) + "…" : title, severity(x.severity()),
                    Deviation.DeviationStatus.OPEN, List.of(new RecordRef(RecordType.BATCH, request.batchKey())),
                    now, null, provenance);
        }
        String signatureKey = key + ":signature";
        ExceptionDisposition decided = new ExceptionDisposition(key, request.batchKey(), x.id(),
                x.exceptionClass().name(), evidenceSha256, request.decision(), request.comment(),
                deviation == null ? null : deviation.key(), signatureKey, now, provenance);
        Signature signature = new Signature(signatureKey, new RecordRef(RecordType.EXCEPTION_DISPOSITION, key),
                CanonicalJson.contentHash(decided), actor.subject(), actor.displayName(),
                SignatureMeaning.EXCEPTION_REVIEWED, request.comment(), now, null, provenance);
        return deviation == null ? List.of(decided, signature) : List.of(deviation, decided, signature);
    }

    /** An exception's severity as the raised deviation's: INFO and MINOR are MINOR. */
    static Deviation.Severity severity(ReviewException.Severity s) {
        return switch (s) {
            case INFO, MINOR -> Deviation.Severity.MINOR;
            case MAJOR -> Deviation.Severity.MAJOR;
            case CRITICAL -> Deviation.Severity.CRITICAL;
        };
    }

    @Override
    protected ExceptionDispositions.Decided result(List<LedgerRecord> records, long lastSeq) {
        Deviation deviation = records.size() == 3 ? (Deviation) records.getFirst() : null;
        return new ExceptionDispositions.Decided((ExceptionDisposition) records.get(records.size() - 2),
                (Signature) records.getLast(), deviation, lastSeq, false, null);
    }

    @Override
    protected ExceptionDispositions.Decided replayed(Tx tx, long lastSeq) {
        ExceptionDisposition d = read(tx, RecordType.EXCEPTION_DISPOSITION, key, ExceptionDisposition.class);
        Deviation deviation = d.deviationKey() == null ? null
                : read(tx, RecordType.DEVIATION, d.deviationKey(), Deviation.class);
        return new ExceptionDispositions.Decided(d, read(tx, RecordType.SIGNATURE, d.signatureKey(), Signature.class),
                deviation, lastSeq, true, null);
    }

    private static <T extends LedgerRecord> T read(Tx tx, RecordType type, String key, Class<T> as) {
        return RecordProperties.toRecord(tx.run(BY_KEY.formatted(type.graphName()), Map.of("key", key)).single()
                .get("p").asMap(), as);
    }
}
