package org.batchledger.lineage.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.batchledger.lineage.signature.Involvement.Person;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.CreatingCommand;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;

/**
 * {@code sign}: a new {@link Signature} record (a {@code CREATE} entry and a {@code SIGNS} edge), bound to the content
 * hash of the record's current version, with the signer's printed name, the server's time, the meaning and the
 * reason. Checked under the head lock, in this order: the record exists and is no signature, the version named is
 * current, the meaning applies to the record and the signer's role ({@link MeaningRules}), the signer authenticated
 * within the window, segregation of duties, and the same person has not already signed this version so.
 */
final class SignRecord extends CreatingCommand<Signing.Signed> {
    private static final Set<RecordType> UNSIGNABLE = Set.of(RecordType.SIGNATURE, RecordType.SIGNATURE_WITHDRAWAL);
    private static final String BY_KEY = "MATCH (s:Signature {key: $key}) RETURN properties(s) AS p";

    private final SignRequest request;
    private final MeaningRules rules;
    private final Reauthentication reauthentication;
    private final Clock clock;
    private final String key;

    SignRecord(SignRequest request, MeaningRules rules, Reauthentication reauthentication, Clock clock) {
        // The entry's "why": the signer's reason, else the meaning itself.
        super("Sign", request.actor(), request.reason() == null ? request.meaning().name() : request.reason(),
                request.idempotencyKey(), content(request));
        if (request.reason() != null && request.reason().isBlank()) {
            throw new SignatureRefusedException(request.record().toString(), SigningRule.REASON);
        }
        this.request = request;
        this.rules = rules;
        this.reauthentication = reauthentication;
        this.clock = clock;
        // Derived from the idempotency key: a retry finds the signature it made.
        this.key = "hub:sig:" + UUID.nameUUIDFromBytes(request.idempotencyKey().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Map<String, Object> content(SignRequest r) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("record", r.record().toString());
        content.put("meaning", r.meaning().name());
        content.put("contentHash", r.contentHash());
        return content;
    }

    @Override
    protected List<LedgerRecord> records(Tx tx) {
        String record = request.record().toString();
        if (UNSIGNABLE.contains(request.record().type())) {
            throw new SignatureRefusedException(record, SigningRule.ON_SIGNATURE);
        }
        SignedRecord target = SignedRecord.read(tx, request.record())
                .orElseThrow(() -> new SignatureRefusedException(record, SigningRule.UNKNOWN_RECORD));
        if (request.contentHash() != null && !request.contentHash().equals(target.contentHash())) {
            throw new SignatureRefusedException(record, SigningRule.SUPERSEDED);
        }
        rules.refusal(request.meaning(), Set.copyOf(request.actor().roles()), request.record().type())
                .ifPresent(rule -> {
                    throw new SignatureRefusedException(record, rule);
                });
        reauthentication.require(record, request.authenticatedAt());
        requireSegregation(tx, target);
        Instant now = clock.instant();
        var actor = request.actor();
        return List.of(new Signature(key, request.record(), target.contentHash(), actor.subject(), actor.displayName(),
                request.meaning(), request.reason(), now, null,
                new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now)));
    }

    private void requireSegregation(Tx tx, SignedRecord target) {
        List<RecordRef> batchRecords = target.batchKey() == null ? List.of()
                : Involvement.recordsOfBatch(tx, target.batchKey());
        List<RecordRef> read = batchRecords.contains(target.ref()) ? batchRecords
                : java.util.stream.Stream.concat(batchRecords.stream(), java.util.stream.Stream.of(target.ref())).toList();
        Involvement involvement = Involvement.of(tx, read);
        Person signer = Person.of(request.actor());
        SegregationOfDuties.refusal(rules, request.meaning(), signer, target.ref(), batchRecords, involvement)
                .ifPresent(rule -> {
                    throw new SignatureRefusedException(target.ref().toString(), rule);
                });
        boolean again = involvement.signatures().stream().anyMatch(s -> s.record().equals(target.ref())
                && s.meaning() == request.meaning() && signer.subject().equals(s.signer())
                && target.contentHash().equals(s.contentHash()));
        if (again) {
            throw new SignatureRefusedException(target.ref().toString(), SigningRule.ONCE);
        }
    }

    @Override
    protected Signing.Signed result(List<LedgerRecord> records, long lastSeq) {
        return new Signing.Signed((Signature) records.getFirst(), lastSeq, false, null);
    }

    @Override
    protected Signing.Signed replayed(Tx tx, long lastSeq) {
        Map<String, Object> p = tx.run(BY_KEY, Map.of("key", key)).single().get("p").asMap();
        return new Signing.Signed(RecordProperties.toRecord(p, Signature.class), lastSeq, true, null);
    }
}
