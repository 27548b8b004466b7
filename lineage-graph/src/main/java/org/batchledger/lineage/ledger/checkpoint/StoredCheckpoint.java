package org.batchledger.lineage.ledger.checkpoint;

import java.time.Instant;
import java.util.List;

/**
 * A signed checkpoint as stored and served.
 *
 * @param rootHash     the tree root at {@code treeSize}, lower-case hex (the note carries it in base64)
 * @param note         the C2SP signed note as the hub signed and kept it: checkpoint body, blank line, the hub's
 *                     signature line
 * @param verifierKey  the key that verifies it, {@code <name>+<hex key id>+<base64 key>}
 * @param cosignatures witness cosignature lines ({@code tlog-cosignature}) obtained since, one per witness, each
 *                     ending in a newline
 */
public record StoredCheckpoint(String origin, long treeSize, String rootHash, Instant timestamp, String note,
                               String verifierKey, List<String> cosignatures) {
    public StoredCheckpoint {
        cosignatures = List.copyOf(cosignatures);
    }

    /** A checkpoint without cosignatures (yet). */
    public StoredCheckpoint(String origin, long treeSize, String rootHash, Instant timestamp, String note,
                            String verifierKey) {
        this(origin, treeSize, rootHash, timestamp, note, verifierKey, List.of());
    }

    /** The hub's signature line(s) of the note, after its blank line: {@code — <key name> <base64(key id ‖ sig)>}. */
    public String signatureLines() {
        int blank = note.indexOf("\n\n");
        return blank < 0 ? "" : note.substring(blank + 2).strip();
    }

    /**
     * The note with the witnesses' cosignature lines appended, as served and exported: a signed note may carry
     * signatures by several keys, and a verifier ignores those by keys it does not know.
     */
    public String cosignedNote() {
        return note + String.join("", cosignatures);
    }
}
