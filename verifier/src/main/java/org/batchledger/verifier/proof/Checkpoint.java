package org.batchledger.verifier.proof;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A signed tree head in the C2SP {@code tlog-checkpoint} format: the note text
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard base64&gt;
 * [extension lines]
 * </pre>
 * each line ending in a newline.
 *
 * <p>The hub puts the checkpoint's time in one extension line, {@code time <RFC 3339 UTC instant>} (for example
 * {@code time 2026-01-31T08:15:00Z}). The spec allows opaque, non-empty extension lines (while not recommending
 * them, since log monitors cannot audit them); the line is covered by the hub's Ed25519 note signature, and tools
 * that do not know it ignore it. A witness's ML-DSA cosignature would not cover it.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {
    static final String TIME_PREFIX = "time ";

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n") || treeSize < 0
                || !MerkleHash.isHash(rootHash)) {
            throw new IllegalArgumentException("a checkpoint needs an origin line, a size ≥ 0 and a 32-byte root");
        }
        extensions = List.copyOf(extensions);
        if (extensions.stream().anyMatch(line -> line.isEmpty() || line.contains("\n"))) {
            throw new IllegalArgumentException("checkpoint extension lines must be single, non-empty lines");
        }
        rootHash = rootHash.clone();
    }

    /** A checkpoint stamped with its time as the one extension line. */
    public static Checkpoint at(String origin, long treeSize, byte[] rootHash, Instant time) {
        return new Checkpoint(origin, treeSize, rootHash, List.of(TIME_PREFIX + time));
    }

    /** The time of the {@code time} extension line, if there is one that parses. */
    public Optional<Instant> time() {
        return extensions.stream().filter(line -> line.startsWith(TIME_PREFIX)).findFirst().flatMap(line -> {
            try {
                return Optional.of(Instant.parse(line.substring(TIME_PREFIX.length())));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text that is signed. */
    public String body() {
        StringBuilder body = new StringBuilder()
                .append(origin).append('\n')
                .append(treeSize).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> body.append(line).append('\n'));
        return body.toString();
    }

    /** Parses a checkpoint body strictly; any deviation from the format is a failure with its reason. */
    public static Checked<Checkpoint> parse(String body) {
        return CheckpointText.parse(body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(treeSize)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return body();
    }
}
