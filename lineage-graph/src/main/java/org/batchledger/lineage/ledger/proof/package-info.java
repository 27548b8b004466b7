/**
 * The cryptographic core of the ledger, free of any database: RFC 9162 Merkle tree hashing, inclusion and
 * consistency proofs (generation and verification), and checkpoints in the C2SP {@code tlog-checkpoint} format,
 * signed as C2SP {@code signed-note}s with the hub's Ed25519 key.
 *
 * <h2>How the store uses it</h2>
 * <ol>
 *   <li>On append, {@link org.batchledger.lineage.ledger.proof.Frontier#append(byte[])} takes the new leaf hash
 *       ({@link org.batchledger.verifier.proof.MerkleHash#leaf(byte[])} of the entry's canonical bytes) and
 *       returns the new root plus every perfect subtree the append completed; the store keeps those at heights
 *       0, 8, 16, … in C2SP tlog-tiles hash tiles ({@code lineage.ledger.tile}). See {@link org.batchledger.lineage.ledger.proof.NodeId} for the
 *       (level, index) scheme.</li>
 *   <li>For a proof, {@link org.batchledger.lineage.ledger.proof.ProofNodes} names the O(log n) stored nodes the
 *       proof needs (fetch them in one {@code UNWIND}), and
 *       {@link org.batchledger.lineage.ledger.proof.MerkleProofs} builds the RFC 9162 proof from them through
 *       {@link org.batchledger.lineage.ledger.proof.SubtreeHashes#fromNodes(java.util.function.Function)}.</li>
 *   <li>Checkpoints are signed by the {@link org.batchledger.verifier.proof.NoteSigner} that
 *       {@link org.batchledger.lineage.ledger.proof.HubKeys} loads (or creates once) from the data directory.</li>
 * </ol>
 * Anyone can check proofs and checkpoints offline with
 * {@link org.batchledger.lineage.ledger.proof.StandaloneVerifier}.
 */
package org.batchledger.lineage.ledger.proof;
