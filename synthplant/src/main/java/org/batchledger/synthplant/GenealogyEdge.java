package org.batchledger.synthplant;

/**
 * One genealogy edge as plain keys, pointing downstream: lot → batch that consumed it, or batch → lot it produced.
 * For reference traversals in tests and benchmarks, independent of any store.
 */
public record GenealogyEdge(String fromKey, String toKey) {
}
