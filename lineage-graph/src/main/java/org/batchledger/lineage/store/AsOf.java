package org.batchledger.lineage.store;

import java.util.Map;

/**
 * Which version of a record a read sees: the current one, or the one valid at a tree size (a checkpoint). A version
 * is valid at {@code asOf} when the entry that created it is inside the tree ({@code ledgerSeq <= asOf}) and no
 * entry inside the tree superseded it. The predicate works on nodes and relationships alike, so traversals
 * ({@code trace}) can apply it to every hop. Whether a tree size exists is the ledger's to say (the hub checks an
 * {@code asOf} argument against the ledger head before it builds one). Both go through {@link Visibility}, so a
 * record of a large file is seen once its publish moved the head over it, and not before.
 */
public record AsOf(Long treeSize) {
    public static final AsOf CURRENT = new AsOf(null);

    public boolean isCurrent() {
        return treeSize == null;
    }

    /** A Cypher condition on {@code variable}, using the parameter {@code $asOf} when {@link #parameters()} has it. */
    public String predicate(String variable) {
        return treeSize == null ? Visibility.current(variable) : Visibility.asOf(variable);
    }

    public Map<String, Object> parameters() {
        return treeSize == null ? Map.of() : Map.of("asOf", treeSize);
    }
}
