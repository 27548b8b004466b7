/**
 * The checkpoint witness: a small HTTP service (C2SP {@code tlog-witness}) run from the verifier jar with
 * {@code witness}, that keeps the latest checkpoint it cosigned for each configured log and cosigns a new one
 * (C2SP {@code tlog-cosignature}, Ed25519) only after a consistency proof from it. Run by QA or another site, it
 * makes a fork of the hub's history, even by the hub's key holder, visible: the witness refuses it.
 */
package org.batchledger.witness;
