package org.batchledger.lineage.ledger.checkpoint;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.audit.LedgerProofs;
import org.batchledger.verifier.proof.Checked;
import org.batchledger.verifier.proof.Cosignature;
import org.batchledger.witness.WitnessClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the configured witnesses to cosign the hub's checkpoints (C2SP {@code tlog-witness}): each gets the newest
 * checkpoint with a consistency proof from the size it last cosigned (learnt from the cosignatures stored, or from
 * its 409 answer, retried once), and each cosignature that verifies with the witness's key is stored with the
 * checkpoint. A witness that is down or refuses never holds up the ledger: the outcome is logged and kept for
 * {@link #status()}, and {@link #catchUp()} tries again later.
 */
public final class Witnessing {
    private static final Logger LOG = LoggerFactory.getLogger(Witnessing.class);
    private static final HexFormat HEX = HexFormat.of();

    /** A witness the hub submits to: its submission prefix and its cosignature verifier key. */
    public record Endpoint(URI url, Cosignature.Witness key) {
        /** Configuration errors throw {@link IllegalArgumentException} naming the witness. */
        public static Endpoint of(String url, String verifierKey) {
            Checked<Cosignature.Witness> key = Cosignature.Witness.parse(verifierKey);
            if (!key.ok()) {
                throw new IllegalArgumentException("witness " + url + ": " + key.reason());
            }
            return new Endpoint(URI.create(url), key.value());
        }
    }

    /**
     * What the hub knows of one witness.
     *
     * @param cosignedSize the largest checkpoint size it cosigned for the hub, 0 if none, -1 if not known yet
     * @param lastError    why the last submission failed, null if it succeeded (or none was made)
     */
    public record WitnessStatus(String witness, URI url, long cosignedSize, String lastError, Instant lastAttempt) {
    }

    private final Checkpoints checkpoints;
    private final LedgerProofs proofs;
    private final List<Endpoint> witnesses;
    private final WitnessClient client;
    private final Clock clock;
    // read by health checks without the submission lock, so a slow witness never holds up a status read
    private final Map<String, WitnessStatus> status = new ConcurrentHashMap<>();

    public Witnessing(Checkpoints checkpoints, LedgerProofs proofs, List<Endpoint> witnesses, WitnessClient client,
                      Clock clock) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.witnesses = List.copyOf(witnesses);
        this.client = client;
        this.clock = clock;
    }

    public List<Endpoint> witnesses() {
        return witnesses;
    }

    /** Submits {@code checkpoint} to every witness that has not cosigned it or a later one. */
    public synchronized void submit(StoredCheckpoint checkpoint) {
        for (Endpoint witness : witnesses) {
            long cosigned = cosignedSize(witness);
            if (cosigned < checkpoint.treeSize()) {
                submit(witness, cosigned, checkpoint, true);
            }
        }
    }

    /** Submits the newest stored checkpoint to the witnesses behind it (after an outage, or at start). */
    public void catchUp() {
        Optional<StoredCheckpoint> newest = checkpoints.newestStored();
        newest.ifPresent(this::submit);
    }

    /** Each witness as last seen; {@code cosignedSize} is -1 until the hub first submits to it (at start). */
    public List<WitnessStatus> status() {
        return witnesses.stream().map(w -> status.getOrDefault(label(w), new WitnessStatus(label(w), w.url(), -1,
                null, null))).toList();
    }

    private void submit(Endpoint witness, long from, StoredCheckpoint checkpoint, boolean mayRetry) {
        WitnessClient.Answer answer;
        try {
            answer = client.addCheckpoint(witness.url(), from, proof(from, checkpoint.treeSize()), checkpoint.note());
        } catch (LedgerArgumentException | IllegalStateException e) {
            record(witness, from, "no consistency proof from size " + from + ": " + e.getMessage());
            return;
        }
        switch (answer) {
            case WitnessClient.Cosigned cosigned -> store(witness, checkpoint, cosigned.lines(), from);
            case WitnessClient.Conflict conflict when mayRetry && conflict.witnessSize() >= 0
                    && conflict.witnessSize() != from && conflict.witnessSize() <= checkpoint.treeSize() -> {
                LOG.info("Witness {} holds size {}, not {}; submitting checkpoint {} again from there",
                        label(witness), conflict.witnessSize(), from, checkpoint.treeSize());
                submit(witness, conflict.witnessSize(), checkpoint, false);
            }
            case WitnessClient.Conflict conflict -> record(witness, from, "conflict: the witness holds size "
                    + conflict.witnessSize() + " and refuses checkpoint " + checkpoint.treeSize()
                    + (conflict.witnessSize() > checkpoint.treeSize() ? "" : " (a fork?)"));
            case WitnessClient.Refused refused -> record(witness, from, "HTTP " + refused.status() + ": "
                    + refused.reason());
            case WitnessClient.Unreachable unreachable -> record(witness, from, "unreachable: "
                    + unreachable.reason());
        }
    }

    private void store(Endpoint witness, StoredCheckpoint checkpoint, String lines, long from) {
        for (String line : lines.split("\n")) {
            String withNewline = line + "\n";
            if (line.startsWith("\u2014 " + witness.key().name() + " ")
                    && witness.key().verify(checkpoint.note() + withNewline).ok()) {
                checkpoints.store().addCosignature(checkpoint.treeSize(), witness.key().name(), withNewline);
                status.put(label(witness), new WitnessStatus(label(witness), witness.url(), checkpoint.treeSize(),
                        null, clock.instant()));
                return;
            }
        }
        record(witness, from, "its answer holds no cosignature that verifies with its key");
    }

    private void record(Endpoint witness, long cosigned, String error) {
        if (error.startsWith("unreachable")) {
            LOG.warn("Witness {} ({}) did not cosign: {}; the ledger goes on, and the hub tries again later",
                    label(witness), witness.url(), error);
        } else {
            // a witness that refuses the hub's own checkpoint has seen another history, or the hub was rolled back
            LOG.error("Witness {} ({}) REFUSED to cosign: {}; an operator must find out why", label(witness),
                    witness.url(), error);
        }
        status.put(label(witness), new WitnessStatus(label(witness), witness.url(), cosigned, error,
                clock.instant()));
    }

    // What the hub last saw the witness cosign: from this run, else from the cosignatures stored.
    private long cosignedSize(Endpoint witness) {
        WitnessStatus known = status.get(label(witness));
        if (known != null) {
            return known.cosignedSize();
        }
        long size = 0;
        for (StoredCheckpoint stored : checkpoints.allStored()) {
            if (!stored.cosignatures().isEmpty() && witness.key().verify(stored.cosignedNote()).ok()) {
                size = stored.treeSize();
            }
        }
        status.put(label(witness), new WitnessStatus(label(witness), witness.url(), size, null, null));
        return size;
    }

    private List<byte[]> proof(long from, long to) {
        if (from == 0 || from == to) {
            return List.of();
        }
        return proofs.consistency(from, to).hashes().stream().map(HEX::parseHex).toList();
    }

    private static String label(Endpoint witness) {
        return witness.key().label();
    }
}
