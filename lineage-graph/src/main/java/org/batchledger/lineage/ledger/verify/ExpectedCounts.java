package org.batchledger.lineage.ledger.verify;

import java.util.Map;
import java.util.TreeMap;

/** What the entries replayed so far imply the store holds: nodes per label, relationships per type. */
final class ExpectedCounts {
    final Map<String, Long> nodes = new TreeMap<>();
    final Map<String, Long> relationships = new TreeMap<>();

    void node(String label) {
        nodes.merge(label, 1L, Long::sum);
    }

    void relationship(String type) {
        relationships.merge(type, 1L, Long::sum);
    }

    void nodes(String label, long n) {
        nodes.merge(label, n, Long::sum);
    }

    void relationships(String type, long n) {
        relationships.merge(type, n, Long::sum);
    }

    ExpectedCounts copy() {
        ExpectedCounts copy = new ExpectedCounts();
        copy.nodes.putAll(nodes);
        copy.relationships.putAll(relationships);
        return copy;
    }

    long nodes(String label) {
        return nodes.getOrDefault(label, 0L);
    }

    long relationships(String type) {
        return relationships.getOrDefault(type, 0L);
    }

    long totalNodes() {
        return nodes.values().stream().mapToLong(Long::longValue).sum();
    }

    long totalRelationships() {
        return relationships.values().stream().mapToLong(Long::longValue).sum();
    }
}
