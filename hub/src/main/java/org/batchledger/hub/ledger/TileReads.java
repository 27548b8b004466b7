package org.batchledger.hub.ledger;

import java.util.Arrays;
import java.util.Optional;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.ledger.tile.TileId;
import org.batchledger.lineage.ledger.tile.EntryBundle;
import org.batchledger.lineage.ledger.tile.StoredTile;
import org.batchledger.lineage.ledger.tile.TileStore;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.stereotype.Component;

/**
 * A tile or bundle as served: a full one once it is full, a partial width {@code W} while the stored one has at
 * least {@code W} (its first {@code W} hashes or entries, which never change as it grows), nothing otherwise. Only
 * what the ledger head covers is served: a large file's staged chunks write tiles beyond it, which are not part of
 * the log until the file is published (and are removed if it never is).
 */
@Component
class TileReads {
    private final GraphDatabase db;

    TileReads(GraphDatabase db) {
        this.db = db;
    }

    Optional<byte[]> read(TilePath path) {
        if (path.level() > 7) {
            return Optional.empty();
        }
        return db.read(tx -> {
            long size = LedgerHead.read(tx).treeSize();
            int published = path.level() == TilePath.ENTRIES
                    ? (int) Math.max(0, Math.min(TileId.WIDTH, size - path.index() * TileId.WIDTH))
                    : new TileId(path.level(), path.index()).widthAt(size);
            Optional<StoredTile> stored = path.level() == TilePath.ENTRIES
                    ? TileStore.bundle(tx, path.index()) : TileStore.tile(tx, path.level(), path.index());
            return stored.filter(t -> path.partial() ? path.width() <= Math.min(t.width(), published)
                            : t.width() == TilePath.FULL && published == TilePath.FULL)
                    .map(t -> prefix(t, path));
        });
    }

    private static byte[] prefix(StoredTile t, TilePath path) {
        int length = path.level() == TilePath.ENTRIES ? EntryBundle.offsetOf(t.bytes(), path.width())
                : path.width() * MerkleHash.SIZE;
        return length == t.bytes().length ? t.bytes() : Arrays.copyOf(t.bytes(), length);
    }
}
