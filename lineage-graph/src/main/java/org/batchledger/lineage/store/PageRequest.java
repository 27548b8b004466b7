package org.batchledger.lineage.store;

/**
 * A keyset page: up to {@code first} records ordered by key, after {@code afterKey} (null from the start).
 * Keyset rather than offset paging keeps a page stable while records are being added.
 */
public record PageRequest(int first, String afterKey) {
    public static final int MAX_FIRST = 1000;

    public PageRequest {
        if (first < 0 || first > MAX_FIRST) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_FIRST + ", was " + first);
        }
    }

    public String afterOrEmpty() {
        return afterKey == null ? "" : afterKey;
    }
}
