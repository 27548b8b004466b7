package org.batchledger.lineage.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.store.Page;
import org.batchledger.lineage.store.PageRequest;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * The work list of references whose target is not recorded yet: one {@code PendingReference} node each
 * (infrastructure, no relationships, no entry's). They are an index, not evidence: the edge a record implies follows
 * from its content and whether the target exists, which verification checks, so a deleted work-list node shows as a
 * missing edge once the target arrives. Every write that creates record anchors links what waited for them.
 */
public final class PendingReferences {
    private static final String ANY = "MATCH (p:PendingReference) RETURN count(p) AS n";
    private static final String KEEP = """
            UNWIND $rows AS row CREATE (p:PendingReference) SET p = row""";
    // a staged row is marked with its lease's first sequence number: published once the head covers that
    private static final String KEEP_STAGED = """
            MATCH (h:LedgerHead {id: 'main'}) UNWIND $rows AS row CREATE (p:PendingReference) SET p = row,
            p.staged = h.seq + 1""";
    /** A row a staged chunk kept whose lease has not published (yet): {@code p} is the row. */
    static final String STAGED_ROW = "(p.staged IS NOT NULL AND NOT" + Visibility.headCovers("p.staged") + ")";
    private static final String WAITING = """
            UNWIND $targets AS t MATCH (p:PendingReference {target: t}) WHERE p.field <> $sample
              AND (NOT $staged OR""" + STAGED_ROW + """
              )
            RETURN p.fromLabel AS fromLabel, p.fromKey AS fromKey, p.field AS field, p.target AS target""";
    private static final String LINK = """
            UNWIND $rows AS row MATCH (a:%s {key: row.from, version: 1}) MATCH (b:%s {key: row.to, version: 1})
            CREATE (a)-[e:%s]->(b) RETURN count(e) AS n""";
    private static final String DONE = """
            UNWIND $targets AS t MATCH (p:PendingReference {target: t}) WHERE NOT $staged OR""" + STAGED_ROW + """
            DELETE p""";
    private static final String LIST = """
            MATCH (p:PendingReference)
            WHERE (p.staged IS NULL OR""" + Visibility.headCovers("p.staged") + """
            ) AND p.field <> $sample AND ($after IS NULL OR p.target + '|' + p.fromLabel + ':' + p.fromKey > $after)
            RETURN p.fromLabel AS fromLabel, p.fromKey AS fromKey, p.field AS field, p.target AS target,
                   p.locator AS locator, p.target + '|' + p.fromLabel + ':' + p.fromKey AS cursor
            ORDER BY cursor LIMIT $limit""";

    private PendingReferences() {
    }

    static void keep(Tx tx, List<PendingReference> pending) {
        keep(tx, pending, false);
    }

    /** Keeps the rows; {@code staged} ones belong to an ingest not yet published (the review queue skips them). */
    static void keep(Tx tx, List<PendingReference> pending, boolean staged) {
        if (pending.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>(pending.size());
        for (PendingReference p : pending) {
            Map<String, Object> row = new HashMap<>();
            row.put("fromLabel", p.from().type().graphName());
            row.put("fromKey", p.from().key());
            row.put("field", p.field());
            row.put("target", p.target().toString());
            if (p.locator() != null) {
                row.put("locator", p.locator());
            }
            rows.add(row);
        }
        tx.run(staged ? KEEP_STAGED : KEEP, Map.of("rows", rows)).consume();
    }

    /** Creates the edges that waited for any of the anchors just written; returns how many. */
    static int link(Tx tx, List<RecordRef> anchors) {
        return link(tx, anchors, false);
    }

    /**
     * As {@link #link(Tx, List)}; {@code staged}: only rows a staged chunk kept are linked (the rows of published
     * records wait for the publish, so nothing published changes before it).
     */
    static int link(Tx tx, List<RecordRef> anchors, boolean staged) {
        if (anchors.isEmpty() || tx.run(ANY, Map.of()).single().get("n").asLong() == 0) {
            return 0;
        }
        List<String> targets = anchors.stream().map(RecordRef::toString).toList();
        Map<String, List<Map<String, Object>>> byShape = new LinkedHashMap<>();
        tx.run(WAITING, Map.of("targets", targets, "sample", References.SAMPLE_ID, "staged", staged)).forEachRemaining(r -> {
            RecordType from = RecordType.ofGraphName(r.get("fromLabel").asString());
            RecordRef target = RecordRef.parse(r.get("target").asString());
            // labels and edge types from the allow-lists, never from the stored text itself
            String shape = String.join("|", from.graphName(), target.type().graphName(),
                    References.edgeOf(from, r.get("field").asString()));
            byShape.computeIfAbsent(shape, s -> new ArrayList<>())
                    .add(Map.of("from", r.get("fromKey").asString(), "to", target.key()));
        });
        int linked = 0;
        for (var e : byShape.entrySet()) {
            String[] p = e.getKey().split("\\|");
            long n = tx.run(LINK.formatted(p[0], p[1], p[2]), Map.of("rows", e.getValue())).single().get("n").asLong();
            if (n != e.getValue().size()) {
                throw new IllegalStateException("linked " + n + " of " + e.getValue().size() + " waiting " + p[2]
                        + " edges; the transaction is rolled back");
            }
            linked += (int) n;
        }
        if (linked > 0) {
            tx.run(DONE, Map.of("targets", targets, "staged", staged)).consume();
        }
        return linked;
    }

    /** The references still waiting for their target (the review queue), ordered by target. */
    public static Page<PendingReference> list(GraphDatabase db, PageRequest page) {
        return db.read(tx -> {
            Map<String, Object> params = new HashMap<>();
            params.put("after", page.afterKey());
            params.put("limit", page.first() + 1);
            params.put("sample", References.SAMPLE_ID);
            List<PendingReference> items = tx.run(LIST, params).list(r -> new PendingReference(
                    new RecordRef(RecordType.ofGraphName(r.get("fromLabel").asString()), r.get("fromKey").asString()),
                    r.get("field").asString(), RecordRef.parse(r.get("target").asString()),
                    r.get("locator").isNull() ? null : r.get("locator").asString()));
            return Page.of(items, page, p -> p.target() + "|" + p.from());
        });
    }
}
