package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.write.References.Ref;
import org.batchledger.schema.record.RecordType;

/**
 * Creates nodes, genealogy relationships and reference edges with one {@code UNWIND} query per label or edge
 * kind. Labels and types come from {@link RecordType} and {@link References}, never from input. Edges join
 * version 1 of each record (its anchor), so corrections, which add versions, never move or copy an edge. Every query
 * checks it matched all its rows: a silently dropped edge would be a lost record.
 */
final class GraphWrites {
    private GraphWrites() {
    }

    static void create(Tx tx, List<PreparedRecord> records) {
        create(tx, records, List.of());
    }

    /**
     * Creates the records; the {@code pending} references get no edge but a work-list entry, and the edges that
     * waited for any record written here are created now.
     */
    static void create(Tx tx, List<PreparedRecord> records, List<PendingReference> pending) {
        create(tx, records, pending, false);
    }

    /**
     * As {@link #create(Tx, List, List)}; {@code staged}: a chunk of an ingest under the lease, whose records the
     * caller marked staged and whose work-list rows are kept staged; rows of published records are left for the
     * publish ({@link StagedPublish}), so a chunk changes nothing that reads see.
     */
    static void create(Tx tx, List<PreparedRecord> records, List<PendingReference> pending, boolean staged) {
        Set<String> open = new HashSet<>();
        pending.forEach(p -> open.add(p.from() + "|" + p.field() + "|" + p.target()));
        Map<RecordType, List<PreparedRecord>> byType = records.stream()
                .collect(Collectors.groupingBy(PreparedRecord::type, LinkedHashMap::new, Collectors.toList()));
        byType.forEach((type, list) -> {
            if (!type.isRelationship()) {
                createNodes(tx, type, list);
            }
        });
        byType.forEach((type, list) -> {
            if (type.isRelationship()) {
                createRelationships(tx, type, list);
            }
        });
        createReferenceEdges(tx, records, open);
        SampleLinks.link(tx, records, staged);
        PendingReferences.link(tx, records.stream().filter(r -> !r.type().isRelationship())
                .map(PreparedRecord::ref).toList(), staged);
        PendingReferences.keep(tx, pending, staged);
    }

    private static void createNodes(Tx tx, RecordType type, List<PreparedRecord> list) {
        String cypher = "UNWIND $rows AS row CREATE (n:" + type.graphName() + ") SET n = row RETURN count(n) AS n";
        List<Map<String, Object>> rows = list.stream().map(PreparedRecord::properties).toList();
        expect(tx.run(cypher, Map.of("rows", rows)).single().get("n").asLong(), rows.size(), type.graphName());
    }

    private static void createRelationships(Tx tx, RecordType type, List<PreparedRecord> list) {
        List<Ref> ends = list.getFirst().references();
        String from = endLabel(ends, "from");
        String to = endLabel(ends, "to");
        String cypher = "UNWIND $rows AS row MATCH (a:" + from + " {key: row.from, version: 1}) MATCH (b:" + to
                + " {key: row.to, version: 1}) CREATE (a)-[r:" + type.graphName() + "]->(b) SET r = row.props RETURN count(r) AS n";
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (PreparedRecord r : list) {
            rows.add(Map.of("from", endKey(r.references(), "from"), "to", endKey(r.references(), "to"),
                    "props", r.properties()));
        }
        expect(tx.run(cypher, Map.of("rows", rows)).single().get("n").asLong(), rows.size(), type.graphName());
    }

    private static void createReferenceEdges(Tx tx, List<PreparedRecord> records, Set<String> open) {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (PreparedRecord r : records) {
            if (r.type().isRelationship()) {
                continue;
            }
            for (Ref ref : r.references()) {
                if (open.contains(r.ref() + "|" + ref.field() + "|" + ref.target())) {
                    continue;
                }
                String shape = r.type().graphName() + "|" + ref.edge() + "|" + ref.target().type().graphName();
                groups.computeIfAbsent(shape, s -> new ArrayList<>())
                        .add(Map.of("from", r.key(), "to", ref.target().key()));
            }
        }
        groups.forEach((shape, rows) -> {
            String[] p = shape.split("\\|");
            String cypher = "UNWIND $rows AS row MATCH (a:" + p[0] + " {key: row.from, version: 1}) MATCH (b:" + p[2]
                    + " {key: row.to, version: 1}) CREATE (a)-[e:" + p[1] + "]->(b) RETURN count(e) AS n";
            expect(tx.run(cypher, Map.of("rows", rows)).single().get("n").asLong(), rows.size(), p[1]);
        });
    }

    private static String endLabel(List<Ref> refs, String end) {
        return refs.stream().filter(r -> r.edge().equals(end)).findFirst().orElseThrow().target().type().graphName();
    }

    private static String endKey(List<Ref> refs, String end) {
        return refs.stream().filter(r -> r.edge().equals(end)).findFirst().orElseThrow().target().key();
    }

    private static void expect(long written, int wanted, String what) {
        if (written != wanted) {
            throw new IllegalStateException("wrote " + written + " of " + wanted + " " + what
                    + " rows; the transaction is rolled back");
        }
    }
}
