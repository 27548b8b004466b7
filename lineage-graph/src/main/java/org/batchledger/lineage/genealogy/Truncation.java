package org.batchledger.lineage.genealogy;

/** Why a trace stopped before it reached everything reachable. */
public enum Truncation {
    /** Nodes lie further than {@code maxHops} from the start. */
    HOP_LIMIT,
    /** More than {@code maxNodes} nodes are reachable. */
    NODE_BUDGET,
    /** The time budget ran out between two hops. */
    DEADLINE
}
