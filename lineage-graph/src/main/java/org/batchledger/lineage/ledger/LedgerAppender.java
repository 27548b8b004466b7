package org.batchledger.lineage.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.tile.TileLog;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.verifier.proof.Sha256;
import org.neo4j.driver.Record;

/**
 * Appends entries inside the caller's write transaction. The head node is write-locked first, so appenders in any
 * number of threads or hub processes queue on it and the chain stays linear: no gaps, no forks. The head also
 * holds the Merkle tree's size and root (hex), moved in the same transaction as the entry bundles and hash tiles.
 */
public final class LedgerAppender {
    private static final String LOCK_HEAD = """
            MERGE (h:LedgerHead {id: 'main'})
              ON CREATE SET h.seq = 0, h.hash = $genesis, h.treeSize = 0, h.root = $emptyRoot
            SET h.lockedAt = timestamp()
            RETURN h.seq AS seq, h.hash AS hash, coalesce(h.treeSize, -1) AS treeSize, h.root AS root,
                   CASE WHEN h.ingestKey IS NULL THEN null ELSE {key: h.ingestKey, file: h.ingestFile,
                     owner: h.ingestOwner, since: h.ingestSince, renewedAt: h.ingestRenewedAt,
                     chunks: h.ingestChunks, seq: h.stagedSeq, hash: h.stagedHash, root: h.stagedRoot} END AS lease""";
    private static final String TAKE_LEASE = """
            MATCH (h:LedgerHead {id: 'main'})
            SET h.ingestKey = $key, h.ingestFile = $file, h.ingestOwner = $owner, h.ingestSince = $now,
                h.ingestRenewedAt = $now, h.ingestChunks = 0, h.stagedSeq = h.seq, h.stagedHash = h.hash,
                h.stagedRoot = h.root, h.leases = coalesce(h.leases, 0) + 1""";
    private static final String ADVANCE_STAGED = """
            MATCH (h:LedgerHead {id: 'main'})
            SET h.stagedSeq = $seq, h.stagedHash = $hash, h.stagedRoot = $root, h.ingestChunks = $chunks,
                h.ingestRenewedAt = $now""";
    private static final String RENEW_LEASE = """
            MATCH (h:LedgerHead {id: 'main'}) SET h.ingestOwner = $owner, h.ingestRenewedAt = $now""";
    private static final String END_LEASE = """
            MATCH (h:LedgerHead {id: 'main'})
            REMOVE h.ingestKey, h.ingestFile, h.ingestOwner, h.ingestSince, h.ingestRenewedAt, h.ingestChunks,
                   h.stagedSeq, h.stagedHash, h.stagedRoot""";
    private static final String FIND_COMMIT = """
            MATCH (c:LedgerCommit {idempotencyKey: $key})
            RETURN c.firstSeq AS firstSeq, c.lastSeq AS lastSeq, c.requestHash AS requestHash,
                   c.headHash AS headHash""";
    private static final String ADVANCE_HEAD = """
            MATCH (h:LedgerHead {id: 'main'})
            SET h.seq = $seq, h.hash = $hash, h.treeSize = $seq, h.root = $root
            CREATE (:LedgerCommit {idempotencyKey: $key, firstSeq: $firstSeq, lastSeq: $seq,
                                   requestHash: $requestHash, headHash: $hash, at: $at})""";

    private final Clock clock;

    public LedgerAppender(Clock clock) {
        this.clock = clock;
    }

    /** The commit an idempotency key already produced, if any: a retried transaction must not append twice. */
    public Optional<Commit> findCommit(Tx tx, String idempotencyKey) {
        var result = tx.run(FIND_COMMIT, Map.of("key", idempotencyKey));
        if (!result.hasNext()) {
            return Optional.empty();
        }
        Record r = result.single();
        return Optional.of(new Commit(idempotencyKey, r.get("firstSeq").asLong(), r.get("lastSeq").asLong(),
                r.get("requestHash").asString(), r.get("headHash").asString(), true));
    }

    /**
     * Write-locks the head until the transaction ends and returns it; the sequence numbers of the entries this
     * transaction will append follow {@link Head#seq()}.
     */
    public Head lockHead(Tx tx) {
        Record head = tx.run(LOCK_HEAD, Map.of("genesis", LedgerEntry.GENESIS_HASH,
                "emptyRoot", MerkleStore.hex(MerkleHash.emptyRoot()))).single();
        var lease = head.get("lease");
        return new Head(head.get("seq").asLong(), head.get("hash").asString(), head.get("treeSize").asLong(),
                lease.isNull() ? null : new IngestLease(lease.get("key").asString(), lease.get("file").asString(),
                        lease.get("owner").asString(), lease.get("since").asLong(), lease.get("renewedAt").asLong(),
                        lease.get("chunks").asInt(), head.get("seq").asLong(), lease.get("seq").asLong(),
                        lease.get("hash").asString(), lease.get("root").asString()));
    }

    /** Takes the ingest lease on the locked head (which has none): staged appends continue from the head. */
    public IngestLease takeLease(Tx tx, Head head, String idempotencyKey, String file, String owner) {
        requireTree(head);
        long now = clock.millis();
        tx.run(TAKE_LEASE, Map.of("key", idempotencyKey, "file", file, "owner", owner, "now", now)).consume();
        return new IngestLease(idempotencyKey, file, owner, now, now, 0, head.seq(), head.seq(), head.hash(),
                headRoot(tx));
    }

    private static String headRoot(Tx tx) {
        return tx.run("MATCH (h:LedgerHead {id: 'main'}) RETURN h.root AS root", Map.of()).single().get("root")
                .asString();
    }

    /** Moves the lease to {@code owner} (a recovery taking it over) and renews it. */
    public void renewLease(Tx tx, String owner) {
        tx.run(RENEW_LEASE, Map.of("owner", owner, "now", clock.millis())).consume();
    }

    /** Clears the lease and what it staged on the head (the head itself is not moved). */
    public void endLease(Tx tx) {
        tx.run(END_LEASE, Map.of()).consume();
    }

    /**
     * Appends entries after the lease's staged end: bundles and tiles are written, but the head's size, hash and
     * root stay where they are (readers, proofs and checkpoints see only the head), so the entries are not part
     * of the ledger until {@link #publish}. Returns the lease as it now stands.
     */
    public IngestLease appendStaged(Tx tx, IngestLease lease, List<Change> changes, Actor actor, String reason) {
        long seq = lease.stagedSeq();
        String prev = lease.stagedHash();
        Instant at = clock.instant();
        List<byte[]> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            LedgerEntry entry = new LedgerEntry(++seq, at, c.action(), c.entityType(), c.entityKey(), c.contentHash(),
                    c.supersedesHash(), actor.subject(), actor.displayName(), actor.roles(), actor.clientId(), reason,
                    lease.key(), prev, c.version());
            byte[] bytes = entry.canonicalBytes();
            prev = Sha256.hex(bytes);
            entries.add(bytes);
        }
        String root = changes.isEmpty() ? lease.stagedRoot()
                : MerkleStore.hex(TileLog.append(tx, lease.stagedSeq(), entries));
        long now = clock.millis();
        tx.run(ADVANCE_STAGED, Map.of("seq", seq, "hash", prev, "root", root, "chunks", lease.chunks() + 1,
                "now", now)).consume();
        return new IngestLease(lease.key(), lease.file(), lease.owner(), lease.since(), now, lease.chunks() + 1,
                lease.committedSeq(), seq, prev, root);
    }

    /**
     * Makes the lease's staged entries part of the ledger in O(1): the head takes the staged size, hash and root,
     * the commit is recorded under the lease's key, and the lease ends.
     */
    public Commit publish(Tx tx, IngestLease lease, String requestHash) {
        long first = lease.committedSeq() + 1;
        tx.run(ADVANCE_HEAD, Map.of("seq", lease.stagedSeq(), "hash", lease.stagedHash(), "key", lease.key(),
                "firstSeq", first, "requestHash", requestHash, "at", CanonicalJson.formatInstant(clock.instant()),
                "root", lease.stagedRoot())).consume();
        endLease(tx);
        return new Commit(lease.key(), first, lease.stagedSeq(), requestHash, lease.stagedHash(), false);
    }

    /**
     * Appends one entry per change after the locked head, in order, extends the Merkle tree by their leaves
     * (persisting every subtree the append completes) and moves the head, all in the caller's transaction.
     */
    public Commit append(Tx tx, Head head, List<Change> changes, Actor actor, String reason, String idempotencyKey,
                         String requestHash) {
        requireTree(head);
        long seq = head.seq();
        String prev = head.hash();
        Instant at = clock.instant();
        List<byte[]> entries = new ArrayList<>(changes.size());
        for (Change c : changes) {
            LedgerEntry entry = new LedgerEntry(++seq, at, c.action(), c.entityType(), c.entityKey(), c.contentHash(),
                    c.supersedesHash(), actor.subject(), actor.displayName(), actor.roles(), actor.clientId(), reason,
                    idempotencyKey, prev, c.version());
            byte[] bytes = entry.canonicalBytes();
            prev = Sha256.hex(bytes);
            entries.add(bytes);
        }
        byte[] root = TileLog.append(tx, head.seq(), entries);
        long first = seq - changes.size() + 1;
        tx.run(ADVANCE_HEAD, Map.of("seq", seq, "hash", prev, "key", idempotencyKey, "firstSeq", first,
                "requestHash", requestHash, "at", CanonicalJson.formatInstant(at),
                "root", MerkleStore.hex(root))).consume();
        return new Commit(idempotencyKey, first, seq, requestHash, prev, false);
    }

    // A ledger of the layout before tiles is converted on start (LegacyLedgerMigration); never appended to as it is.
    private static void requireTree(Head head) {
        if (head.treeSize() != head.seq()) {
            throw new IllegalStateException("the ledger's tree covers " + head.treeSize() + " of " + head.seq()
                    + " entries; start the hub once so its migrations convert the ledger to tiles");
        }
    }

    /** The chain's end: the last sequence number and its entry hash. */
    public record Head(long seq, String hash, long treeSize, IngestLease lease) {
        public Head(long seq, String hash, long treeSize) {
            this(seq, hash, treeSize, null);
        }
    }

    /** What one entry records. */
    public record Change(String action, String entityType, String entityKey, long version, String contentHash,
                         String supersedesHash) {
    }

    /** The entries one write appended (or had appended, when {@code replayed}). */
    public record Commit(String idempotencyKey, long firstSeq, long lastSeq, String requestHash, String headHash,
                         boolean replayed) {
    }
}
