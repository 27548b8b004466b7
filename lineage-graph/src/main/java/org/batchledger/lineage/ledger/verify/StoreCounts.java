package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.References;
import org.batchledger.schema.record.RecordType;

/**
 * The other direction of the replay: what the store holds that no entry accounts for. Counts from the count store
 * (per record label, per relationship type, in total, and the labels and types in use) are compared with what
 * the replayed entries imply; only where one differs do targeted queries ({@link Extras}) name the elements, and
 * where the store holds more of a record type, a second pass ({@link ClaimScan}) names those that claim another
 * record's entry.
 * Infrastructure nodes ({@link InfrastructureLabel}) are no entry's: they are counted as found, must carry one
 * label each and no relationships.
 */
final class StoreCounts {
    private static final String LABELS = "CALL db.labels() YIELD label RETURN collect(label) AS names";
    private static final String TYPES =
            "CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS names";
    private static final String NODES = "MATCH (n:%s) RETURN count(n) AS n";
    private static final String RELATIONSHIPS = "MATCH ()-[r:%s]->() RETURN count(r) AS n";
    private static final String ALL_NODES = "MATCH (n) RETURN count(n) AS n";
    private static final String ALL_RELATIONSHIPS = "MATCH ()-[r]->() RETURN count(r) AS n";

    static final Set<String> RECORD_LABELS = Stream.of(RecordType.values()).filter(t -> !t.isRelationship())
            .map(RecordType::graphName).collect(Collectors.toCollection(TreeSet::new));
    static final Set<String> GENEALOGY_TYPES = Stream.of(RecordType.values()).filter(RecordType::isRelationship)
            .map(RecordType::graphName).collect(Collectors.toCollection(TreeSet::new));

    /** Every relationship type the ledger can imply: genealogy, reference edges and {@code SUPERSEDES}. */
    static Set<String> relationshipTypes() {
        Set<String> types = new TreeSet<>(GENEALOGY_TYPES);
        types.addAll(References.edgeTypes());
        types.add(References.SUPERSEDES);
        return types;
    }

    private StoreCounts() {
    }

    static void compare(GraphDatabase db, ExpectedCounts expected, long head, Findings findings, EntrySource entries,
                        int pageSize) {
        Set<RecordType> over = EnumSet.noneOf(RecordType.class);
        Findings found = db.read(tx -> {
            // a write committing between two counts would look like an extra: count again when the head moved
            for (int attempt = 1; ; attempt++) {
                over.clear();
                long now = LaterWrites.head(tx);
                ExpectedCounts all = expected.copy();
                if (now > head) {
                    LaterWrites.add(tx, head, now, all);
                }
                Findings counted = new Findings();
                compare(tx, all, Math.max(head, now), counted, over);
                if (LaterWrites.head(tx) == now || attempt == 3) {
                    return counted;
                }
            }
        });
        findings.addAll(found);
        if (!over.isEmpty()) {
            ClaimScan.run(db, entries, pageSize, head, over, findings);
        }
    }

    private static void compare(Tx tx, ExpectedCounts expected, long head, Findings findings, Set<RecordType> over) {
        Extras extras = new Extras(tx, head, findings);
        long infrastructure = labels(tx, expected, extras, findings, over);
        relationshipTypes(tx, expected, extras, findings, over);
        long nodes = count(tx, ALL_NODES);
        if (nodes != expected.totalNodes() + infrastructure) {
            findings.problem("the store holds " + nodes + " nodes, the ledger accounts for "
                    + (expected.totalNodes() + infrastructure) + " (records and infrastructure)");
            extras.nodesWithoutOneLabel();
        }
        long relationships = count(tx, ALL_RELATIONSHIPS);
        if (relationships != expected.totalRelationships()) {
            findings.problem("the store holds " + relationships + " relationships, the ledger accounts for "
                    + expected.totalRelationships());
            extras.infrastructureRelationships();
        }
    }

    // Record labels against the replay, infrastructure counted as found, any other label in use named.
    private static long labels(Tx tx, ExpectedCounts expected, Extras extras, Findings findings,
                               Set<RecordType> over) {
        for (String label : RECORD_LABELS) {
            long n = count(tx, NODES.formatted(label));
            if (n != expected.nodes(label)) {
                findings.problem(label + ": the ledger implies " + expected.nodes(label) + " nodes, the store holds " + n);
                extras.nodes(label);
            }
            if (n > expected.nodes(label)) {
                over.add(RecordType.ofGraphName(label));
            }
        }
        long infrastructure = 0;
        for (InfrastructureLabel label : InfrastructureLabel.values()) {
            infrastructure += count(tx, NODES.formatted(label.label()));
        }
        if (count(tx, NODES.formatted(InfrastructureLabel.LEDGER_HEAD.label())) > 1) {
            findings.problem("the store holds more than one LedgerHead");
        }
        for (String label : names(tx, LABELS)) {
            if (!RECORD_LABELS.contains(label) && !InfrastructureLabel.labels().contains(label)) {
                extras.unknownLabel(label);
            }
        }
        return infrastructure;
    }

    private static void relationshipTypes(Tx tx, ExpectedCounts expected, Extras extras, Findings findings,
                                          Set<RecordType> over) {
        Set<String> known = relationshipTypes();
        for (String type : known) {
            long n = count(tx, RELATIONSHIPS.formatted(type));
            if (n != expected.relationships(type)) {
                findings.problem(type + ": the ledger implies " + expected.relationships(type)
                        + " relationships, the store holds " + n);
                extras.relationships(type, GENEALOGY_TYPES.contains(type));
            }
            if (n > expected.relationships(type) && GENEALOGY_TYPES.contains(type)) {
                over.add(RecordType.ofGraphName(type));
            }
        }
        for (String type : names(tx, TYPES)) {
            if (!known.contains(type)) {
                extras.unknownType(type);
            }
        }
    }

    private static long count(Tx tx, String cypher) {
        return tx.run(cypher, Map.of()).single().get("n").asLong();
    }

    private static List<String> names(Tx tx, String cypher) {
        return new ArrayList<>(tx.run(cypher, Map.of()).single().get("names").asList(v -> v.asString()));
    }
}
