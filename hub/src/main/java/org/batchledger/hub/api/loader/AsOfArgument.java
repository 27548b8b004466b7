package org.batchledger.hub.api.loader;

import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.store.GraphDatabase;
import org.springframework.stereotype.Component;

/**
 * An {@code asOf} argument: the current graph for null, else a tree size the ledger has. The check reads the ledger
 * head here, at the edge, so the record and genealogy reads below take an {@link AsOf} without knowing the ledger.
 */
@Component
public class AsOfArgument {
    private final GraphDatabase db;

    AsOfArgument(GraphDatabase db) {
        this.db = db;
    }

    /** Refuses negative sizes and sizes beyond the head, naming the argument {@code asOf}. */
    public AsOf parse(Integer treeSize) {
        if (treeSize == null) {
            return AsOf.CURRENT;
        }
        db.read(LedgerHead::read).requireSize("asOf", treeSize);
        return new AsOf((long) treeSize);
    }
}
