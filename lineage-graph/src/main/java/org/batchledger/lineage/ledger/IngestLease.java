package org.batchledger.lineage.ledger;

import java.time.Duration;
import java.time.Instant;

/**
 * The ingest lease, stored on the ledger head while one large file is written in chunks: who holds it, for which
 * file, since when, when it was last renewed (every chunk renews it), and the end of what it staged. Entries
 * {@code committedSeq+1..stagedSeq} are in the bundles and tiles but not in the ledger until the lease publishes;
 * the head's own size, hash and root stay at {@code committedSeq}.
 *
 * @param owner {@code <instance>/<run>}: the hub instance and the process run that took it
 */
public record IngestLease(String key, String file, String owner, long since, long renewedAt, int chunks,
                          long committedSeq, long stagedSeq, String stagedHash, String stagedRoot) {

    /** Whether the owner stopped renewing it more than {@code ttl} ago (a dead process). */
    public boolean expired(Instant now, Duration ttl) {
        return now.toEpochMilli() - renewedAt > ttl.toMillis();
    }

    /** Whether a process of {@code instance} took it: at that instance's start, it is the lease of a dead run. */
    public boolean ownedByInstance(String instance) {
        return owner.startsWith(instance + "/");
    }

    public Instant sinceInstant() {
        return Instant.ofEpochMilli(since);
    }
}
