package org.batchledger.lineage.ledger.checkpoint;

import java.time.Instant;

/**
 * A signed checkpoint as stored and served.
 *
 * @param rootHash    the tree root at {@code treeSize}, lower-case hex (the note carries it in base64)
 * @param note        the whole C2SP signed note: checkpoint body, blank line, signature line(s) — what to export
 * @param verifierKey the key that verifies it, {@code <name>+<hex key id>+<base64 key>}
 */
public record StoredCheckpoint(String origin, long treeSize, String rootHash, Instant timestamp, String note,
                               String verifierKey) {
    /** The signature line(s) of the note, after its blank line: {@code — <key name> <base64(key id ‖ sig)>}. */
    public String signatureLines() {
        int blank = note.indexOf("\n\n");
        return blank < 0 ? "" : note.substring(blank + 2).strip();
    }
}
