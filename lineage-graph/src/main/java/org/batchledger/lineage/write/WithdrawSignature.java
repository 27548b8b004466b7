package org.batchledger.lineage.write;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.lineage.write.CorrectionRules.Rule;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.SignatureWithdrawal;

/**
 * Withdraws a wrong signature by a new {@link SignatureWithdrawal} record (a {@code CREATE} entry and a
 * {@code WITHDRAWS} edge to the signature's anchor); the signature itself is never changed. Only its signer or a
 * qa-release user may withdraw it, once. The withdrawal's key is derived from the signature's, so the key
 * constraint also holds "once" against any writer. Withdrawing a disposition's signature also puts the batch and its
 * lots back to the status they had before it ({@link DispositionReversal}), in the same write, so the batch can be
 * dispositioned again.
 */
final class WithdrawSignature implements LedgeredCommand<SignatureWithdrawal> {
    static final Rule ONCE = new Rule("WDR-ONCE", "a signature is withdrawn at most once");
    static final Rule WHO = new Rule("WDR-WHO", "only the signer or a qa-release user withdraws a signature");
    static final Rule REASON = new Rule("WDR-REASON", "a withdrawal needs a reason");
    static final Rule UNKNOWN = new Rule("WDR-SIGNATURE", "no such signature");
    static final String RELEASE_ROLE = "qa-release";
    private static final String SIGNATURE = """
            MATCH (s:Signature {key: $key}) WHERE""" + Visibility.current("s") + """
            OPTIONAL MATCH (s0:Signature {key: $key, version: 1})<-[:WITHDRAWS]-(w:SignatureWithdrawal)
            RETURN s.signerSubject AS signer, count(w) AS withdrawals""";
    private static final String BY_SEQ = "MATCH (n:SignatureWithdrawal {ledgerSeq: $seq}) RETURN properties(n) AS p";

    private final WithdrawalRequest request;
    private final Clock clock;
    private final CommandHeader header;

    WithdrawSignature(WithdrawalRequest request, Clock clock) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new WithdrawalRefusedException(request.signatureKey(), REASON, false);
        }
        this.request = request;
        this.clock = clock;
        String requestHash = RequestHash.of("WithdrawSignature", request.actor(), request.reason(),
                Map.of("signature", request.signatureKey()));
        this.header = new CommandHeader(request.idempotencyKey(), request.actor(), request.reason(), requestHash);
    }

    @Override
    public CommandHeader header() {
        return header;
    }

    @Override
    public Plan<SignatureWithdrawal> plan(Tx tx) {
        var found = tx.run(SIGNATURE, Map.of("key", request.signatureKey())).list();
        if (found.isEmpty()) {
            throw new WithdrawalRefusedException(request.signatureKey(), UNKNOWN, false);
        }
        if (found.getFirst().get("withdrawals").asLong() > 0) {
            throw new WithdrawalRefusedException(request.signatureKey(), ONCE, false);
        }
        Actor actor = request.actor();
        String signer = found.getFirst().get("signer").asString(null);
        if (!actor.subject().equals(signer) && !actor.roles().contains(RELEASE_ROLE)) {
            throw new WithdrawalRefusedException(request.signatureKey(), WHO, true);
        }
        Instant now = clock.instant();
        SignatureWithdrawal withdrawal = new SignatureWithdrawal(SignatureWithdrawal.keyFor(request.signatureKey()),
                request.signatureKey(), request.reason(), actor.subject(), actor.displayName(), now,
                new Provenance("hub:" + actor.clientId(), null, actor.subject(), now, now));
        Plan<Map<org.batchledger.schema.record.RecordType, Integer>> create = new CreateRecords(new WriteRequest(
                List.of(withdrawal), actor, request.reason(), request.idempotencyKey())).plan(tx);
        List<CreatingCommand.NewVersion> restored = DispositionReversal.of(tx, request.signatureKey());
        List<String> hashes = restored.stream().map(v -> CanonicalJson.contentHash(v.record())).toList();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < restored.size(); i++) {
            CreatingCommand.NewVersion v = restored.get(i);
            changes.add(new Change(v.action(), v.record().type().graphName(), v.record().key(), v.version() + 1,
                    hashes.get(i), v.supersedesHash()));
        }
        changes.addAll(create.changes());
        return new Plan<>() {
            @Override
            public List<Change> changes() {
                return changes;
            }

            @Override
            public SignatureWithdrawal write(Tx tx, long firstSeq) {
                for (int i = 0; i < restored.size(); i++) {
                    CorrectRecord.supersede(tx, restored.get(i).record(), restored.get(i).version(), hashes.get(i),
                            firstSeq + i);
                }
                create.write(tx, firstSeq + restored.size());
                return withdrawal;
            }
        };
    }

    @Override
    public SignatureWithdrawal replay(Tx tx, Commit commit) {
        Map<String, Object> p = tx.run(BY_SEQ, Map.of("seq", commit.lastSeq())).single().get("p").asMap();
        return RecordProperties.toRecord(p, SignatureWithdrawal.class);
    }
}
