package org.batchledger.witness;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.verifier.proof.NoteVerifier;
import org.batchledger.verifier.proof.ProofVerifier;
import org.batchledger.verifier.proof.SignedNote;
import org.batchledger.verifier.proof.Verification;

/**
 * The {@code add-checkpoint} rules of C2SP {@code tlog-witness}, apart from HTTP: the note must be signed by the
 * configured key of its origin (unknown origin 404, no valid signature 403), {@code old} must not exceed the new
 * size (400) and must equal the size last cosigned (409 with that size), the consistency proof from the last
 * cosigned checkpoint must hold (422), and equal sizes need equal roots (409: a fork). Only then is the checkpoint
 * persisted and cosigned. Each log has its own lock, so the check and the update are one step.
 */
final class Witness {
    static final String SIZE_TYPE = "text/x.tlog.size";
    static final String TEXT_TYPE = "text/plain; charset=utf-8";

    /** An HTTP answer: status, content type and body text. */
    record Response(int status, String contentType, String body) {
        static Response text(int status, String reason) {
            return new Response(status, TEXT_TYPE, reason + "\n");
        }
    }

    private final WitnessKey key;
    private final Map<String, NoteVerifier> logKeys;
    private final Map<String, LogState> states;
    private final LongSupplier clock;
    private final Consumer<String> log;

    Witness(WitnessKey key, Map<String, NoteVerifier> logKeys, Map<String, LogState> states, LongSupplier clock,
            Consumer<String> log) {
        this.key = key;
        this.logKeys = Map.copyOf(logKeys);
        this.states = Map.copyOf(states);
        this.clock = clock;
        this.log = log;
    }

    WitnessKey key() {
        return key;
    }

    Response addCheckpoint(byte[] body) {
        Checked<AddCheckpointRequest> request = AddCheckpointRequest.parse(body);
        if (!request.ok()) {
            return Response.text(400, request.reason());
        }
        Checked<SignedNote> note = SignedNote.parse(request.value().note());
        Checked<Checkpoint> checkpoint = note.ok() ? Checkpoint.parse(note.value().text()) : note.failure();
        if (!checkpoint.ok()) {
            return Response.text(400, "the checkpoint: " + checkpoint.reason());
        }
        String origin = checkpoint.value().origin();
        NoteVerifier logKey = logKeys.get(origin);
        if (logKey == null) {
            return Response.text(404, "unknown log " + origin);
        }
        Checked<Checkpoint> signed = logKey.verifyCheckpoint(request.value().note());
        if (!signed.ok()) {
            return Response.text(403, "the checkpoint of " + origin + " is not signed by its key: " + signed.reason());
        }
        if (request.value().oldSize() > signed.value().treeSize()) {
            return Response.text(400, "old size " + request.value().oldSize() + " exceeds the checkpoint size "
                    + signed.value().treeSize());
        }
        LogState state = states.get(origin);
        synchronized (state) {
            return cosign(state, request.value(), signed.value(), note.value().text());
        }
    }

    private Response cosign(LogState state, AddCheckpointRequest request, Checkpoint next, String body) {
        if (request.oldSize() != state.size()) {
            return conflict(state, "old size " + request.oldSize() + " is not the size last cosigned");
        }
        Verification proven = consistent(state, request.proof(), next);
        if (!proven.ok()) {
            boolean fork = state.latest().isPresent() && next.treeSize() == state.size()
                    && !MessageDigest.isEqual(next.rootHash(), state.latest().get().rootHash());
            return fork ? conflict(state, "a fork: " + proven.reason())
                    : refuse(422, state, next, "the consistency proof does not hold: " + proven.reason());
        }
        try {
            state.replace(next, request.note());
        } catch (IOException e) {
            log.accept("witness: cannot persist the checkpoint of " + state.origin() + ": " + e.getMessage());
            return Response.text(500, "the witness cannot persist its state");
        }
        return new Response(200, TEXT_TYPE, key.cosign(body, clock.getAsLong()));
    }

    private static Verification consistent(LogState state, List<byte[]> proof, Checkpoint next) {
        if (state.latest().isEmpty()) {
            // nothing cosigned yet: nothing to prove from; only the empty tree's root is fixed
            return !proof.isEmpty() ? Verification.failure("the proof must be empty when old is 0")
                    : next.treeSize() == 0 && !MessageDigest.isEqual(next.rootHash(), MerkleHash.emptyRoot())
                    ? Verification.failure("the empty tree's root must be SHA-256 of nothing") : Verification.success();
        }
        Checkpoint last = state.latest().get();
        return ProofVerifier.verifyConsistency(last.treeSize(), next.treeSize(), last.rootHash(), next.rootHash(),
                proof);
    }

    private Response conflict(LogState state, String reason) {
        log.accept("witness: refused a checkpoint of " + state.origin() + " (409): " + reason);
        return new Response(409, SIZE_TYPE, state.size() + "\n");
    }

    // The log signed a checkpoint the witness cannot prove consistent: possible evidence of misbehaviour, logged.
    private Response refuse(int status, LogState state, Checkpoint next, String reason) {
        log.accept("witness: refused checkpoint " + next.treeSize() + " of " + state.origin() + " (" + status
                + "): " + reason);
        return Response.text(status, reason);
    }
}
