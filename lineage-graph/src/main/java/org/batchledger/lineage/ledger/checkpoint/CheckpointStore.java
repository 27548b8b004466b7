package org.batchledger.lineage.ledger.checkpoint;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.verifier.proof.Checkpoint;
import org.batchledger.verifier.proof.SignedNote;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.schema.json.CanonicalJson;
import org.neo4j.driver.Value;

/** The {@code (:Checkpoint)} nodes: a copy of the kept notes for inspectors to fetch, one per tree size. */
final class CheckpointStore {
    private static final String AT = """
            MATCH (c:Checkpoint {treeSize: $treeSize}) RETURN c""";
    private static final String ALL = """
            MATCH (c:Checkpoint) RETURN c ORDER BY c.treeSize""";
    private static final String NEWEST = """
            MATCH (c:Checkpoint) RETURN c ORDER BY c.treeSize DESC LIMIT 1""";
    // MERGE on the unique size: a note already stored at this size is kept and returned, so a caller can tell.
    private static final String STORE = """
            MERGE (c:Checkpoint {treeSize: $treeSize})
              ON CREATE SET c.origin = $origin, c.rootHash = $rootHash, c.timestamp = $timestamp, c.note = $note
            RETURN c""";

    private static final String NEWER = """
            MATCH (c:Checkpoint) WHERE c.treeSize > $size RETURN c ORDER BY c.treeSize""";
    // Hubs sharing one database sign one at a time: each takes the write lock of this node for its signing
    // transaction. It is created once, under the head's lock (the head is unique, made if need be as any write
    // makes it), so hubs starting at once make one.
    private static final String CREATE_SIGNING_LOCK = "MERGE (:CheckpointSigning {id: 'main'})";
    private static final String LOCK_SIGNING = """
            MATCH (s:CheckpointSigning {id: 'main'}) SET s.lockedAt = timestamp()
            RETURN count(s) AS n""";

    // One line per witness: a newer cosignature by the same witness name replaces its older one.
    private static final String COSIGN = """
            MATCH (c:Checkpoint {treeSize: $treeSize})
            SET c.cosignatures = [line IN coalesce(c.cosignatures, []) WHERE NOT line STARTS WITH $prefix] + $line
            RETURN c""";

    private final GraphDatabase db;
    private final String verifierKey;

    CheckpointStore(GraphDatabase db, String verifierKey) {
        this.db = db;
        this.verifierKey = verifierKey;
    }

    List<StoredCheckpoint> all() {
        return db.read(tx -> tx.run(ALL, Map.of()).list(r -> toCheckpoint(r.get("c"))));
    }

    List<StoredCheckpoint> all(GraphDatabase.Tx tx) {
        return tx.run(ALL, Map.of()).list(r -> toCheckpoint(r.get("c")));
    }

    Optional<StoredCheckpoint> newest() {
        return db.read(tx -> tx.run(NEWEST, Map.of()).list(r -> toCheckpoint(r.get("c")))).stream().findFirst();
    }

    /** The kept note as stored, storing it only if its size has none yet (most calls read and find it). */
    StoredCheckpoint ensureStored(KeptCheckpoints.Kept kept) {
        List<StoredCheckpoint> stored = db.read(tx -> tx.run(AT, Map.of("treeSize", kept.treeSize()))
                .list(r -> toCheckpoint(r.get("c"))));
        return stored.size() == 1 && stored.getFirst().note().equals(kept.note()) ? stored.getFirst() : store(kept);
    }

    /** Takes the signing lock for the rest of {@code tx}: no other hub on this database signs until it ends. */
    void lockSigning(GraphDatabase.Tx tx) {
        if (tx.run(LOCK_SIGNING, Map.of()).single().get("n").asLong() == 0) {
            throw new NoSigningLock();
        }
    }

    /** The signing lock's node is not there (not made yet, or a wiped database): {@link #createSigningLock()}. */
    static final class NoSigningLock extends RuntimeException {
        NoSigningLock() {
            super("no checkpoint signing lock in the database", null, false, false);
        }
    }

    /** Creates the signing lock if there is none, in a transaction of its own (committed before anyone locks it). */
    void createSigningLock() {
        db.write(tx -> {
            new LedgerAppender(java.time.Clock.systemUTC()).lockHead(tx);
            return tx.run(CREATE_SIGNING_LOCK, Map.of()).consume();
        });
    }

    /** The stored checkpoints larger than {@code size}, smallest first. */
    List<StoredCheckpoint> newerThan(GraphDatabase.Tx tx, long size) {
        return tx.run(NEWER, Map.of("size", size)).list(r -> toCheckpoint(r.get("c")));
    }

    /** As {@link #ensureStored(KeptCheckpoints.Kept)}, in the caller's transaction. */
    StoredCheckpoint ensureStored(GraphDatabase.Tx tx, KeptCheckpoints.Kept kept) {
        List<StoredCheckpoint> stored = tx.run(AT, Map.of("treeSize", kept.treeSize())).list(r -> toCheckpoint(r.get("c")));
        return stored.size() == 1 && stored.getFirst().note().equals(kept.note()) ? stored.getFirst() : store(tx, kept);
    }

    /** As {@link #store(KeptCheckpoints.Kept)}, in the caller's transaction. */
    StoredCheckpoint store(GraphDatabase.Tx tx, KeptCheckpoints.Kept kept) {
        Checkpoint c = kept.checkpoint();
        StoredCheckpoint stored = toCheckpoint(tx.run(STORE, params(kept)).single().get("c"));
        if (!stored.note().equals(kept.note())) {
            throw new LedgerInconsistentException("the database holds another checkpoint at size " + c.treeSize()
                    + " than the one the hub signed and kept (root " + stored.rootHash() + " stored, "
                    + HexFormat.of().formatHex(c.rootHash()) + " kept)");
        }
        return stored;
    }

    private static Map<String, Object> params(KeptCheckpoints.Kept kept) {
        Checkpoint c = kept.checkpoint();
        String time = CanonicalJson.formatInstant(c.time().orElse(java.time.Instant.EPOCH));
        return Map.of("treeSize", c.treeSize(), "origin", c.origin(),
                "rootHash", HexFormat.of().formatHex(c.rootHash()), "timestamp", time, "note", kept.note());
    }

    /** Stores a kept note; a different note already stored at its size is refused, never overwritten. */
    StoredCheckpoint store(KeptCheckpoints.Kept kept) {
        return db.write(tx -> store(tx, kept)).result();
    }

    /** Adds a witness's verified cosignature line to the stored checkpoint of {@code treeSize}. */
    void addCosignature(long treeSize, String witnessName, String line) {
        db.write(tx -> tx.run(COSIGN, Map.of("treeSize", treeSize, "prefix",
                SignedNote.SIGNATURE_PREFIX + witnessName + " ", "line", line)).list());
    }

    private StoredCheckpoint toCheckpoint(Value c) {
        return new StoredCheckpoint(c.get("origin").asString(), c.get("treeSize").asLong(),
                c.get("rootHash").asString(), CanonicalJson.parseInstant(c.get("timestamp").asString()),
                c.get("note").asString(), verifierKey,
                c.get("cosignatures").isNull() ? List.of() : c.get("cosignatures").asList(Value::asString));
    }
}
