package org.batchledger.lineage.ledger.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.proof.Checkpoint;
import org.batchledger.lineage.ledger.proof.NoteSigner;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.schema.json.CanonicalJson;
import org.neo4j.driver.Value;

/**
 * Signs and stores checkpoints. {@link #latest()} signs a fresh one whenever the head has moved since the last,
 * so a reader always gets a checkpoint covering every committed entry. Origin and key name are the same text,
 * as C2SP recommends.
 */
public final class Checkpoints {
    private static final String LATEST = """
            MATCH (c:Checkpoint) RETURN c ORDER BY c.treeSize DESC LIMIT 1""";
    private static final String ALL = """
            MATCH (c:Checkpoint) RETURN c ORDER BY c.treeSize""";
    // MERGE on the unique size: two hubs signing the same head keep the first note.
    private static final String STORE = """
            MERGE (c:Checkpoint {treeSize: $treeSize})
              ON CREATE SET c.origin = $origin, c.rootHash = $rootHash, c.timestamp = $timestamp, c.note = $note
            RETURN c""";

    private final GraphDatabase db;
    private final NoteSigner signer;
    private final Clock clock;

    public Checkpoints(GraphDatabase db, NoteSigner signer, Clock clock) {
        this.db = db;
        this.signer = signer;
        this.clock = clock;
    }

    /** The verifier key inspectors use: {@code <origin>+<key id>+<base64 public key>}. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    /** The checkpoint of the current head, signing one if the latest stored one is older. */
    public StoredCheckpoint latest() {
        Optional<StoredCheckpoint> stored = db.read(tx -> latest(tx));
        long size = db.read(tx -> LedgerHead.read(tx).treeSize());
        if (stored.isPresent() && stored.get().treeSize() >= size) {
            return stored.get();
        }
        return db.write(this::signHead).result();
    }

    /** Every stored checkpoint, smallest first (verification checks each against the recomputed tree). */
    public List<StoredCheckpoint> all(Tx tx) {
        return tx.run(ALL, Map.of()).list(r -> toCheckpoint(r.get("c")));
    }

    private Optional<StoredCheckpoint> latest(Tx tx) {
        var result = tx.run(LATEST, Map.of());
        return result.hasNext() ? Optional.of(toCheckpoint(result.single().get("c"))) : Optional.empty();
    }

    private StoredCheckpoint signHead(Tx tx) {
        LedgerHead head = LedgerHead.read(tx);
        Instant now = clock.instant();
        Checkpoint checkpoint = Checkpoint.at(signer.keyName(), head.treeSize(), HexFormat.of().parseHex(head.root()),
                Instant.parse(CanonicalJson.formatInstant(now)));
        Map<String, Object> params = Map.of("treeSize", head.treeSize(), "origin", signer.keyName(),
                "rootHash", head.root(), "timestamp", CanonicalJson.formatInstant(now), "note", signer.sign(checkpoint));
        return toCheckpoint(tx.run(STORE, params).single().get("c"));
    }

    private StoredCheckpoint toCheckpoint(Value c) {
        return new StoredCheckpoint(c.get("origin").asString(), c.get("treeSize").asLong(),
                c.get("rootHash").asString(), CanonicalJson.parseInstant(c.get("timestamp").asString()),
                c.get("note").asString(), signer.verifierKey());
    }
}
