package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Visibility;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;

/**
 * Replays the entries {@code 1..head} in pages, in sequence order, against the graph: each page's elements are
 * fetched with one query ({@link ReplayQuery}) on a second thread while this one compares the page before, so time
 * is linear and memory one page (no state kept across pages but the counts). Each entry's element must be exactly
 * what the entry and the content its hash binds imply ({@link NodeShape}, {@link RelationshipShape}); the counts of
 * what all entries imply are compared with the store's afterwards ({@link StoreCounts}), which finds the extras.
 */
final class GraphReplay {
    static final String CREATE = "CREATE";
    static final String CORRECT = "CORRECT";
    /** A workflow's new version of a record (e.g. a deviation's new status): bound like a correction's. */
    static final String TRANSITION = "TRANSITION";

    /** Whether an entry's action writes a new version of an existing record. */
    static boolean newVersion(String action) {
        return CORRECT.equals(action) || TRANSITION.equals(action);
    }

    private final GraphDatabase db;
    private final EntrySource source;
    private final int pageSize;
    final ExpectedCounts expected = new ExpectedCounts();
    long checked;

    GraphReplay(GraphDatabase db, EntrySource source, int pageSize) {
        this.db = db;
        this.source = source;
        this.pageSize = pageSize;
    }

    void run(long head, Findings findings) {
        NodeShape nodes = new NodeShape(expected);
        RelationshipShape relationships = new RelationshipShape();
        try (Prefetch<Replayed> pages = new Prefetch<>("ledger-verify-graph", 0, head, after -> fetch(after, head),
                r -> r.entry().seq())) {
            for (List<Replayed> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                for (Replayed r : page) {
                    check(r, nodes, relationships, findings);
                }
            }
        }
    }

    /** The entry's record type, or null when it names none. */
    static RecordType typeOf(LedgerEntry entry) {
        try {
            return RecordType.ofGraphName(entry.entityType());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<Replayed> fetch(long after, long head) {
        List<LedgerEntry> entries = source.page(after, head, pageSize);
        if (entries.isEmpty()) {
            return List.of();
        }
        record Read(Map<Long, List<Map<String, Object>>> found, Set<RecordRef> targets) {
        }
        Read read = db.read(tx -> {
            Map<Long, List<Map<String, Object>>> found = ReplayQuery.run(tx, entries);
            return new Read(found, ReferenceTargets.present(tx, entries, found));
        });
        List<Replayed> page = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            page.add(new Replayed(e, read.found().getOrDefault(e.seq(), List.of()), read.targets()));
        }
        return page;
    }

    private void check(Replayed r, NodeShape nodes, RelationshipShape relationships, Findings findings) {
        LedgerEntry e = r.entry();
        RecordType type = typeOf(e);
        if (type == null) {
            findings.problem("entry " + e.seq() + " names " + e.entityType() + ", which is no record type");
            return;
        }
        checked++;
        if (type.isRelationship()) {
            expected.relationship(type.graphName());
        } else {
            expected.node(type.graphName());
        }
        if (r.found().isEmpty()) {
            String what = type.isRelationship() ? "relationship" : "node";
            findings.mismatch(type.graphName(), e.entityKey(), e.seq(), "missing: no " + type.graphName() + " "
                    + what + " with ledgerSeq " + e.seq() + " (deleted)");
            return;
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Object> element = pick(e, r.found(), reasons);
        reasons.addAll(type.isRelationship() ? relationships.check(type, e, element)
                : nodes.check(type, e, element, r.targets()));
        if (!reasons.isEmpty()) {
            findings.mismatch(type.graphName(), e.entityKey(), e.seq(), String.join("; ", reasons));
        }
    }

    // More than one element claiming one entry: the one with the entry's key is checked, the others are named.
    private static Map<String, Object> pick(LedgerEntry e, List<Map<String, Object>> found,
                                            List<String> reasons) {
        if (found.size() == 1) {
            return found.getFirst();
        }
        List<Object> keys = found.stream().map(f -> props(f).get("key")).toList();
        reasons.add(found.size() + " elements claim entry " + e.seq() + " (keys " + keys + "): all but one are extra");
        return found.stream().filter(f -> e.entityKey().equals(props(f).get("key"))).findFirst()
                .orElse(found.getFirst());
    }

    /**
     * The element's stored properties, without a staging mark ({@code supersededAtSeq = 0}) a publish has not
     * tidied yet: an entry checked here is inside the tree, so the head covers the element and the mark changes no
     * read ({@link org.batchledger.lineage.store.Visibility}).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> element) {
        Map<String, Object> props = (Map<String, Object>) element.get("props");
        if (props.get("supersededAtSeq") instanceof Long mark && mark == Visibility.STAGED) {
            props = new java.util.HashMap<>(props);
            props.remove("supersededAtSeq");
        }
        return props;
    }

    /** One entry and the graph elements found at its sequence number. */
    record Replayed(LedgerEntry entry, List<Map<String, Object>> found, Set<RecordRef> targets) {
    }
}
