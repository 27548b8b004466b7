package org.batchledger.lineage.ledger.audit;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerArgumentException;
import org.batchledger.lineage.ledger.LedgerHead;
import org.batchledger.lineage.ledger.MerkleStore;
import org.batchledger.lineage.ledger.proof.MerkleProofs;
import org.batchledger.lineage.ledger.proof.NodeId;
import org.batchledger.lineage.ledger.proof.ProofNodes;
import org.batchledger.lineage.ledger.proof.SubtreeHashes;
import org.batchledger.lineage.store.GraphDatabase;

/**
 * Proofs from the stored tree: the head (to check the sizes asked for) and one {@code UNWIND} fetch of the O(log n)
 * nodes {@link ProofNodes} names for the proof and the roots it is checked against — in one query when the tree size
 * is given, as a client holding a checkpoint gives it.
 */
public final class LedgerProofs {
    private static final HexFormat HEX = HexFormat.of();
    private final GraphDatabase db;

    public LedgerProofs(GraphDatabase db) {
        this.db = db;
    }

    /** Proves entry {@code seq} (1-based) is in the tree of {@code treeSize} (null: the current size). */
    public InclusionProof inclusion(long seq, Long treeSize) {
        if (treeSize != null && treeSize >= 1 && seq >= 1 && seq <= treeSize) {
            return inclusionInOneQuery(seq, treeSize);
        }
        return db.read(tx -> {
            LedgerHead head = LedgerHead.read(tx);
            long size = treeSize == null ? head.treeSize() : treeSize;
            head.requireSize("treeSize", size);
            if (seq < 1 || seq > size) {
                throw new LedgerArgumentException("seq", "must be between 1 and the tree size " + size + ", was " + seq);
            }
            Set<NodeId> ids = new LinkedHashSet<>(ProofNodes.forInclusion(seq - 1, size));
            ids.addAll(ProofNodes.forRoot(size));
            ids.add(new NodeId(0, seq - 1));
            SubtreeHashes tree = SubtreeHashes.fromNodes(MerkleStore.fetch(tx, ids)::get);
            return new InclusionProof(seq, seq - 1, size, HEX.formatHex(tree.hash(seq - 1, seq)),
                    HEX.formatHex(MerkleProofs.root(size, tree)), hex(MerkleProofs.inclusionProof(seq - 1, size, tree)));
        });
    }

    /** The common case — a valid entry of a given tree size — in one query: the nodes and the head's size together. */
    private InclusionProof inclusionInOneQuery(long seq, long size) {
        Set<NodeId> ids = new LinkedHashSet<>(ProofNodes.forInclusion(seq - 1, size));
        ids.addAll(ProofNodes.forRoot(size));
        ids.add(new NodeId(0, seq - 1));
        MerkleStore.Fetched fetched = db.read(tx -> MerkleStore.fetchWithHeadSize(tx, ids));
        if (size > fetched.headTreeSize()) {
            throw new LedgerArgumentException("treeSize", "is " + size + ", beyond the ledger's size "
                    + fetched.headTreeSize());
        }
        SubtreeHashes tree = SubtreeHashes.fromNodes(fetched.nodes()::get);
        return new InclusionProof(seq, seq - 1, size, HEX.formatHex(tree.hash(seq - 1, seq)),
                HEX.formatHex(MerkleProofs.root(size, tree)), hex(MerkleProofs.inclusionProof(seq - 1, size, tree)));
    }

    /** Proves the tree of {@code from} leaves is a prefix of the tree of {@code to} (null: the current size). */
    public ConsistencyProof consistency(long from, Long to) {
        return db.read(tx -> {
            LedgerHead head = LedgerHead.read(tx);
            long toSize = to == null ? head.treeSize() : to;
            head.requireSize("from", from);
            head.requireSize("to", toSize);
            if (from > toSize) {
                throw new LedgerArgumentException("from", "is " + from + ", larger than 'to' " + toSize);
            }
            Set<NodeId> ids = new LinkedHashSet<>(ProofNodes.forConsistency(from, toSize));
            ids.addAll(ProofNodes.forRoot(from));
            ids.addAll(ProofNodes.forRoot(toSize));
            SubtreeHashes tree = SubtreeHashes.fromNodes(MerkleStore.fetch(tx, ids)::get);
            return new ConsistencyProof(from, toSize, HEX.formatHex(MerkleProofs.root(from, tree)),
                    HEX.formatHex(MerkleProofs.root(toSize, tree)),
                    hex(MerkleProofs.consistencyProof(from, toSize, tree)));
        });
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
