package org.batchledger.lineage.ledger.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.lineage.ledger.checkpoint.CheckpointLog;
import org.batchledger.lineage.ledger.checkpoint.KeptCheckpoints;
import org.batchledger.verifier.proof.NoteVerifier;

/**
 * The stored {@code (:Checkpoint)} nodes against the hub's checkpoint log: every kept note must verify with the
 * hub's key, every stored checkpoint must be the kept note of its size, and every kept checkpoint must be stored.
 * Deleting or altering stored checkpoints is reported by size. The kept notes are then checked against the
 * recomputed tree like any other, so a rewritten ledger is caught even when the caller brings no note.
 */
final class KeptCheckpointCheck {
    private final CheckpointLog log;
    private final NoteVerifier hubKey;

    KeptCheckpointCheck(CheckpointLog log, NoteVerifier hubKey) {
        this.log = log;
        this.hubKey = hubKey;
    }

    /** Compares, reports, and returns the kept notes the stored ones do not already cover, by description. */
    Map<String, String> check(Map<Long, String> storedBySize, Findings findings) {
        KeptCheckpoints kept = KeptCheckpoints.read(log, hubKey);
        kept.problems().forEach(findings::problem);
        long lastKept = kept.last().map(KeptCheckpoints.Kept::treeSize).orElse(-1L);
        storedBySize.forEach((size, note) -> {
            var same = kept.at(size);
            if (same.isEmpty()) {
                findings.problem("stored checkpoint " + size + (size > lastKept
                        ? " is newer than the last kept checkpoint (" + lastKept + ") and not kept"
                        : " is not in the checkpoint log"));
            } else if (!same.get().note().equals(note)) {
                findings.problem("stored checkpoint " + size + " differs from the kept checkpoint " + size
                        + " (altered)");
            }
        });
        Map<String, String> toCheck = new LinkedHashMap<>();
        for (KeptCheckpoints.Kept k : kept.checkpoints()) {
            String stored = storedBySize.get(k.treeSize());
            if (stored == null) {
                findings.problem("kept checkpoint " + k.treeSize() + " is missing from the database (deleted)");
            }
            if (!k.note().equals(stored)) {
                toCheck.put("kept checkpoint " + k.treeSize(), k.note());
            }
        }
        return toCheck;
    }
}
