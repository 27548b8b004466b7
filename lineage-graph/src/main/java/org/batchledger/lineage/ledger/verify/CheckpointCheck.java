package org.batchledger.lineage.ledger.verify;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteVerifier;

/**
 * A signed checkpoint against the recomputed tree: its signature must verify with the hub's key, and the root it
 * signs must be the recomputed root at its size. A checkpoint beyond the ledger's end means entries were removed;
 * a root that differs means the ledger was rewritten, even if every hash in the graph was recomputed to match.
 */
final class CheckpointCheck {
    private final NoteVerifier verifier;

    CheckpointCheck(NoteVerifier verifier) {
        this.verifier = verifier;
    }

    /** Parses a note and returns its size, or -1 after reporting why it cannot be used. */
    long size(String what, String note, Findings findings) {
        Checked<Checkpoint> checkpoint = verifier.verifyCheckpoint(note);
        if (!checkpoint.ok()) {
            findings.problem(what + ": " + checkpoint.reason());
            return -1;
        }
        return checkpoint.value().treeSize();
    }

    void check(String what, String note, Map<Long, byte[]> rootsAt, long ledgerSize, Findings findings) {
        Checked<Checkpoint> checked = verifier.verifyCheckpoint(note);
        if (!checked.ok()) {
            return; // reported by size()
        }
        Checkpoint checkpoint = checked.value();
        if (checkpoint.treeSize() > ledgerSize) {
            findings.problem(what + " covers " + checkpoint.treeSize() + " entries but the ledger has only "
                    + ledgerSize + ": entries were removed");
        } else if (!Arrays.equals(rootsAt.get(checkpoint.treeSize()), checkpoint.rootHash())) {
            findings.problem(what + " signs root " + HexFormat.of().formatHex(checkpoint.rootHash()) + " at size "
                    + checkpoint.treeSize() + ", but the ledger's entries give another root: the ledger was rewritten");
        }
    }
}
