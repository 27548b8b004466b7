package org.batchledger.lineage.ledger.tile;

import java.util.Arrays;

/** A tile's or bundle's bytes as read, grown by appends, with the count of hashes or entries it holds. */
final class Growable {
    private byte[] bytes;
    private int length;
    int width;
    boolean changed;

    Growable(byte[] stored, int width) {
        this.bytes = stored == null ? new byte[1024] : Arrays.copyOf(stored, Math.max(1024, stored.length * 2));
        this.length = stored == null ? 0 : stored.length;
        this.width = width;
    }

    void add(byte[] more) {
        if (length + more.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more.length));
        }
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
        changed = true;
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    byte[] hashAt(int position) {
        return Arrays.copyOfRange(bytes, position * 32, position * 32 + 32);
    }
}
