package org.batchledger.lineage.ledger.checkpoint;

import java.util.HexFormat;
import java.util.List;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.audit.ConsistencyProof;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.Verification;

/**
 * Whether a tree the hub signed (size and root) is a prefix of a later tree, proven as an inspector would: an
 * RFC 9162 consistency proof taken from the stored tree and checked with {@link ProofVerifier} against the signed
 * root, never against a root the database supplies for the old size.
 */
final class Consistency {
    private static final HexFormat HEX = HexFormat.of();
    private final LedgerProofs proofs;

    Consistency(LedgerProofs proofs) {
        this.proofs = proofs;
    }

    Verification check(long oldSize, byte[] oldRoot, long newSize, byte[] newRoot) {
        if (newSize < oldSize) {
            return Verification.failure("the newer tree has " + newSize + " entries, fewer than " + oldSize);
        }
        ConsistencyProof proof;
        try {
            proof = proofs.consistency(oldSize, newSize);
        } catch (LedgerArgumentException | IllegalStateException e) {
            return Verification.failure("no consistency proof from the stored tree: " + e.getMessage());
        }
        List<byte[]> hashes = proof.hashes().stream().map(HEX::parseHex).toList();
        Verification proven = ProofVerifier.verifyConsistency(oldSize, newSize, oldRoot, newRoot, hashes);
        if (proven.ok() && !HEX.formatHex(newRoot).equals(proof.toRoot())) {
            // equal sizes need no proof: the stored tree's own root must still be the one signed
            return Verification.failure("the stored tree's root at " + newSize + " is " + proof.toRoot());
        }
        return proven;
    }
}
