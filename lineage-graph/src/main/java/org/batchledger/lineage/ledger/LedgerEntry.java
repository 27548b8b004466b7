package org.batchledger.lineage.ledger;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.List;
import org.batchledger.verifier.proof.Sha256;

/**
 * One ledger entry. Its canonical bytes (RFC 8785 over every field but {@code entryHash}) are the Merkle leaf, and
 * {@code entryHash = SHA-256(canonical bytes)} chains it: each entry names the hash of the one before.
 *
 * @param supersedesHash content hash of the version a correction replaces; null for a first version
 * @param commitId       the idempotency key of the write that appended it
 * @param version        the record version the entry creates (1 for a create); absent in entries written before
 *                       ledger v2, where the graph's version is checked against the predecessor instead
 */
public record LedgerEntry(long seq, Instant at, String action, String entityType, String entityKey,
                          String contentHash, String supersedesHash, String actorSubject, String actorName,
                          List<String> actorRoles, String actorClient, String reason, String commitId,
                          String prevHash, Long version) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public byte[] canonicalBytes() {
        return CanonicalEntryEncoder.encode(this);
    }

    @JsonbTransient
    public String entryHash() {
        return Sha256.hex(canonicalBytes());
    }
}
