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
 *
 * <p>The rule every reader of signatures follows (REQ-SIGNATURE-021): <b>a withdrawn signature counts for nothing</b>
 * from the entry that withdrew it on. It stays readable, as signed, with its withdrawal; but readiness checks, the
 * disposition, review queues, segregation of duties ({@code lineage.signature}) and the rule that a person signs a
 * version with a meaning once must not count it, and a second disposition is possible only once the first is
 * withdrawn. A signature on a superseded version still says who signed what, but attests nothing about the current
 * content: what must hold for the current version counts only {@link State#stands() standing} signatures.
 */
public final class SignatureStates {
    /** {@code withdrawal} is null when the signature stands. */
    public record State(SignatureWithdrawal withdrawal, boolean onSupersededVersion) {
        /** Not withdrawn and on the current version: the only signatures that attest the record as it is. */
        public boolean stands() {
            return withdrawal == null && !onSupersededVersion;
        }
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
