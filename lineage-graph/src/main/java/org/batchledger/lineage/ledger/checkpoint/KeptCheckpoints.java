package org.batchledger.lineage.ledger.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.NoteVerifier;

/**
 * The checkpoint log read and checked: every note must verify with the hub's key and the sizes must grow.
 * Anything else is a problem, reported by record, and a log with problems is not trusted to sign from.
 *
 * @param validLength where the complete records end (the next append goes there)
 */
public record KeptCheckpoints(List<Kept> checkpoints, List<String> problems, long validLength, long tornBytes) {

    /** One kept checkpoint and the exact note that was signed. */
    public record Kept(Checkpoint checkpoint, String note) {
        public long treeSize() {
            return checkpoint.treeSize();
        }
    }

    public static KeptCheckpoints read(CheckpointLog log, NoteVerifier hubKey) {
        CheckpointLog.Contents contents = log.read();
        List<Kept> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (contents.damage() != null) {
            problems.add("the checkpoint log " + log.file() + " is damaged: " + contents.damage());
        }
        int record = 0;
        for (String note : contents.notes()) {
            record++;
            Checked<Checkpoint> checked = hubKey.verifyCheckpoint(note);
            if (!checked.ok()) {
                problems.add("kept checkpoint record " + record + ": " + checked.reason());
            } else if (!kept.isEmpty() && checked.value().treeSize() <= kept.getLast().treeSize()) {
                problems.add("kept checkpoint record " + record + " (size " + checked.value().treeSize()
                        + ") does not follow size " + kept.getLast().treeSize());
            } else {
                kept.add(new Kept(checked.value(), note));
            }
        }
        return new KeptCheckpoints(List.copyOf(kept), List.copyOf(problems), contents.validLength(),
                contents.tornBytes());
    }

    public Optional<Kept> last() {
        return checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
    }

    public Optional<Kept> at(long treeSize) {
        return checkpoints.stream().filter(k -> k.treeSize() == treeSize).findFirst();
    }
}
