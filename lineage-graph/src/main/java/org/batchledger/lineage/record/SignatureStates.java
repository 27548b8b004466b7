package org.batchledger.lineage.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.record.Neighbours.Hop;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.SignatureWithdrawal;

/**
 * What became of signatures since they were made, for many at once: a withdrawal, and whether the signed record has
 * been corrected since (the signature stays bound to the version it signed, which is then superseded).
 */
public final class SignatureStates {
    /** {@code withdrawal} is null when the signature stands. */
    public record State(SignatureWithdrawal withdrawal, boolean onSupersededVersion) {
    }

    private final Neighbours neighbours;
    private final RecordQueries records;

    public SignatureStates(Neighbours neighbours, RecordQueries records) {
        this.neighbours = neighbours;
        this.records = records;
    }

    /** The current state of each signature, by signature key: two batched reads whatever the number. */
    public Map<String, State> of(Collection<Signature> signatures) {
        List<String> keys = signatures.stream().map(Signature::key).distinct().toList();
        Map<String, List<SignatureWithdrawal>> withdrawals = neighbours.all(Hop.SIGNATURE_WITHDRAWALS, keys);
        Map<RecordRef, LedgerRecord> signed = records.byRefs(signatures.stream().map(Signature::signs)
                .distinct().toList());
        Map<String, State> states = new HashMap<>();
        for (Signature s : signatures) {
            LedgerRecord current = signed.get(s.signs());
            boolean superseded = current != null
                    && !CanonicalJson.contentHash(current).equals(s.signedContentHash());
            List<SignatureWithdrawal> w = withdrawals.getOrDefault(s.key(), List.of());
            states.put(s.key(), new State(w.isEmpty() ? null : w.getFirst(), superseded));
        }
        return states;
    }
}
