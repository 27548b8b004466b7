package org.batchledger.ingest.lims;

import java.nio.charset.StandardCharsets;

/**
 * The result keys seen so far, as 64-bit fingerprints with the line that first named each: 12 bytes per result in
 * primitive arrays, the one part of a CSV read that grows with the file (about 12 MB per million results). Two
 * different keys share a fingerprint with odds of about 1 in 10^7 for 10^6 keys; such a file would be refused as a
 * duplicate, never silently merged.
 */
final class DuplicateKeys {
    private long[] prints = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** Records the key; returns the line that named it before, or 0 when it is new. */
    int add(String key, int line) {
        if (size * 2 >= prints.length) {
            grow();
        }
        long print = fingerprint(key);
        int slot = insert(prints, lines, print, line);
        if (slot < 0) {
            size++;
            return 0;
        }
        return lines[slot];
    }

    /** Returns -1 when inserted, else the slot of the print already there. */
    private static int insert(long[] prints, int[] lines, long print, int line) {
        int mask = prints.length - 1;
        int i = (int) (print ^ (print >>> 32)) & mask;
        while (lines[i] != 0) {
            if (prints[i] == print) {
                return i;
            }
            i = (i + 1) & mask;
        }
        prints[i] = print;
        lines[i] = line;
        return -1;
    }

    private void grow() {
        long[] p = new long[prints.length * 2];
        int[] l = new int[lines.length * 2];
        for (int i = 0; i < prints.length; i++) {
            if (lines[i] != 0) {
                insert(p, l, prints[i], lines[i]);
            }
        }
        prints = p;
        lines = l;
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (SplitMix64) to spread the bits. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
