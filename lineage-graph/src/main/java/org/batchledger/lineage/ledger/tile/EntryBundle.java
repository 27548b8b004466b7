package org.batchledger.lineage.ledger.tile;

import java.util.ArrayList;
import java.util.List;

/**
 * The tlog-tiles entry bundle: each entry as a big-endian uint16 length followed by its bytes, concatenated.
 * {@link #next} walks one without copying, so a verifier hashes entries straight from the stored bytes.
 */
public final class EntryBundle {
    /** The longest entry a uint16 length can announce. */
    public static final int MAX_ENTRY = 0xFFFF;

    private EntryBundle() {
    }

    /** The offset just past the entry whose length prefix starts at {@code at}; refuses a truncated bundle. */
    public static int next(byte[] data, int at) {
        int end = at + 2 + length(data, at);
        if (at + 2 > data.length || end > data.length) {
            throw new IllegalArgumentException("entry bundle truncated at byte " + at);
        }
        return end;
    }

    /** The length of the entry whose prefix starts at {@code at}. */
    public static int length(byte[] data, int at) {
        if (at + 2 > data.length) {
            throw new IllegalArgumentException("entry bundle truncated at byte " + at);
        }
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    /** The entries of a bundle, copied out. */
    public static List<byte[]> entries(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < data.length; at = next(data, at)) {
            out.add(java.util.Arrays.copyOfRange(data, at + 2, at + 2 + length(data, at)));
        }
        return out;
    }

    /** The offset of entry {@code n} (0-based) in the bundle, or data.length if it has fewer. */
    public static int offsetOf(byte[] data, int n) {
        int at = 0;
        for (int i = 0; i < n && at < data.length; i++) {
            at = next(data, at);
        }
        return at;
    }

    static void append(Growable into, byte[] entry) {
        into.add(new byte[] {(byte) (entry.length >>> 8), (byte) entry.length});
        into.add(entry);
    }
}
