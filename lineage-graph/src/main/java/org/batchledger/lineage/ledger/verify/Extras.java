package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.neo4j.driver.Record;

/**
 * Targeted queries that name what no entry accounts for, run only where a count differs: record nodes or
 * relationships whose {@code ledgerSeq} is absent, not an integer or outside {@code 1..head}, nodes with more or
 * fewer than one label, edges that leave no replayed record, infrastructure with relationships, labels and types
 * that are neither records nor infrastructure. Each lists at most {@value #LIMIT} elements.
 */
final class Extras {
    static final int LIMIT = 100;
    private static final String OUTSIDE = """
            NOT (%1$s.ledgerSeq IS :: INTEGER NOT NULL) OR %1$s.ledgerSeq < 1 OR %1$s.ledgerSeq > $head""";
    private static final String NODES = """
            MATCH (n:%s) WHERE size(labels(n)) > 1 OR\s""" + OUTSIDE.formatted("n") + """
            
            RETURN n.key AS key, n.ledgerSeq AS seq, labels(n) AS labels, n.version AS version LIMIT $limit""";
    private static final String GENEALOGY = """
            MATCH (a)-[r:%s]->(b) WHERE\s""" + OUTSIDE.formatted("r") + """
            
            RETURN r.key AS key, r.ledgerSeq AS seq, a.key AS from, b.key AS to LIMIT $limit""";
    // Edges implied by the ledger leave record nodes the replay checked; any other is extra.
    private static final String EDGES = """
            MATCH (a)-[r:%s]->(b) WHERE size(labels(a)) <> 1 OR NOT labels(a)[0] IN $records OR\s""" + OUTSIDE
            .formatted("a") + """
            
            RETURN labels(a) AS fromLabels, a.key AS from, labels(b) AS toLabels, b.key AS to LIMIT $limit""";
    private static final String WITHOUT_ONE_LABEL = """
            MATCH (n) WHERE size(labels(n)) <> 1
            RETURN labels(n) AS labels, n.key AS key, n.ledgerSeq AS seq LIMIT $limit""";
    private static final String INFRASTRUCTURE_RELATIONSHIPS = """
            MATCH (a)-[r]->(b) WHERE any(l IN labels(a) + labels(b) WHERE l IN $infrastructure)
            RETURN type(r) AS type, labels(a) AS fromLabels, a.key AS from, labels(b) AS toLabels, b.key AS to
            LIMIT $limit""";
    private static final String WITH_LABEL = """
            MATCH (n:$($label))
            RETURN labels(n) AS labels, n.key AS key, n.ledgerSeq AS seq LIMIT $limit""";
    private static final String OF_TYPE = """
            MATCH (a)-[r:$($type)]->(b)
            RETURN labels(a) AS fromLabels, a.key AS from, labels(b) AS toLabels, b.key AS to LIMIT $limit""";

    private final Tx tx;
    private final long head;
    private final Findings findings;

    Extras(Tx tx, long head, Findings findings) {
        this.tx = tx;
        this.head = head;
        this.findings = findings;
    }

    void nodes(String label) {
        for (Record r : rows(NODES.formatted(label), Map.of())) {
            String what = r.get("labels").asList().size() > 1 ? "carries labels " + r.get("labels").asList()
                    : "extra: ledgerSeq " + r.get("seq").asObject() + " is no entry in 1.." + head;
            findings.mismatch(label, r.get("key").asString(null), seq(r), what + " (version "
                    + r.get("version").asObject() + ")");
        }
    }

    void relationships(String type, boolean genealogy) {
        if (genealogy) {
            for (Record r : rows(GENEALOGY.formatted(type), Map.of())) {
                findings.mismatch(type, r.get("key").asString(null), seq(r), "extra: ledgerSeq "
                        + r.get("seq").asObject() + " is no entry in 1.." + head + " (" + r.get("from").asObject()
                        + " -> " + r.get("to").asObject() + ")");
            }
            return;
        }
        for (Record r : rows(EDGES.formatted(type), Map.of("records", List.copyOf(StoreCounts.RECORD_LABELS)))) {
            findings.problem("extra edge " + type + " from " + ends(r) + ": it leaves no ledgered record");
        }
    }

    void nodesWithoutOneLabel() {
        for (Record r : rows(WITHOUT_ONE_LABEL, Map.of())) {
            findings.problem("node " + r.get("key").asObject() + " (ledgerSeq " + r.get("seq").asObject()
                    + ") has labels " + r.get("labels").asList() + ", not exactly one");
        }
    }

    void infrastructureRelationships() {
        for (Record r : rows(INFRASTRUCTURE_RELATIONSHIPS, Map.of("infrastructure",
                List.copyOf(InfrastructureLabel.labels())))) {
            findings.problem("extra relationship " + r.get("type").asString() + " from " + ends(r)
                    + ": infrastructure has no relationships");
        }
    }

    void unknownLabel(String label) {
        List<Record> nodes = rows(WITH_LABEL, Map.of("label", label));
        if (!nodes.isEmpty()) {
            findings.problem("label " + label + " is no record type nor infrastructure; nodes: " + nodes.stream()
                    .map(r -> r.get("labels").asList() + " " + r.get("key").asObject() + " (ledgerSeq "
                            + r.get("seq").asObject() + ")").collect(Collectors.joining(", ")));
        }
    }

    void unknownType(String type) {
        List<Record> edges = rows(OF_TYPE, Map.of("type", type));
        if (!edges.isEmpty()) {
            findings.problem("relationship type " + type + " is no record or reference edge; edges: "
                    + edges.stream().map(Extras::ends).collect(Collectors.joining(", ")));
        }
    }

    private List<Record> rows(String cypher, Map<String, Object> extra) {
        Map<String, Object> params = new java.util.HashMap<>(extra);
        params.put("head", head);
        params.put("limit", LIMIT);
        return tx.run(cypher, params).list();
    }

    private static String ends(Record r) {
        return r.get("fromLabels").asList() + " " + r.get("from").asObject() + " -> " + r.get("toLabels").asList()
                + " " + r.get("to").asObject();
    }

    private static Long seq(Record r) {
        return r.get("seq").asObject() instanceof Long l ? l : null;
    }
}
