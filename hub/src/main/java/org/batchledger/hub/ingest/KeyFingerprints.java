package org.batchledger.hub.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.RecordRef;

/**
 * The record keys a file has named so far, as 128-bit fingerprints (the first half of SHA-256 of
 * {@code Label:key}) in an open-addressing table of two longs each: 16 bytes a key at most half full, so a
 * million-record file costs about 32 MB here, not its records. A collision of two different keys is a chance of
 * about n²/2¹²⁹, far below any disk's error rate; it would refuse a file, never admit a repeated key.
 */
final class KeyFingerprints {
    private final MessageDigest sha = Sha256.digest();
    private long[] hi = new long[1 << 12];
    private long[] lo = new long[1 << 12];
    private int size;

    /** Adds the key; false if the file named it before. */
    boolean add(RecordRef ref) {
        sha.reset();
        byte[] d = sha.digest(ref.toString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(d);
        long h = b.getLong();
        long l = b.getLong();
        if (h == 0 && l == 0) {
            l = 1; // (0, 0) marks an empty slot
        }
        if (size * 2 >= hi.length) {
            grow();
        }
        return insert(hi, lo, h, l);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] his, long[] los, long h, long l) {
        int mask = his.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (his[i] == 0 && los[i] == 0) {
                his[i] = h;
                los[i] = l;
                if (his == hi) {
                    size++;
                }
                return true;
            }
            if (his[i] == h && los[i] == l) {
                return false;
            }
        }
    }

    private void grow() {
        long[] oldHi = hi;
        long[] oldLo = lo;
        long[] newHi = new long[oldHi.length * 2];
        long[] newLo = new long[oldLo.length * 2];
        for (int i = 0; i < oldHi.length; i++) {
            if (oldHi[i] != 0 || oldLo[i] != 0) {
                insert(newHi, newLo, oldHi[i], oldLo[i]);
            }
        }
        hi = newHi;
        lo = newLo;
    }
}
