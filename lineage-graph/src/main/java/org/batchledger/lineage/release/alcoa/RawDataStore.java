package org.batchledger.lineage.release.alcoa;

/**
 * Where the originals of ingested files are kept (the hub's blob store). The graph knows a file's hash; only the
 * store can say its bytes are still there.
 */
@FunctionalInterface
public interface RawDataStore {
    /** No store to ask: the raw-data rule is not evaluated. */
    RawDataStore UNKNOWN = sha256 -> {
        throw new UnsupportedOperationException("no raw data store");
    };

    /** Whether the original with this SHA-256 (lower-case hex) can be retrieved. */
    boolean holds(String sha256);
}
