/**
 * The proof kernel: SHA-256, RFC 9162 Merkle hashes and proof checks, and C2SP signed notes and checkpoints. The hub
 * proves with this code and the inspector's verifier checks with it, so the two cannot drift apart.
 */
package org.batchledger.verifier.proof;
