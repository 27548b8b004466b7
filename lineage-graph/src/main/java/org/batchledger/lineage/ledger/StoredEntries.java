package org.batchledger.lineage.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.json.CanonicalJson;

/**
 * A ledger entry as the properties of a {@code (:LedgerEntry)} node (the layout before tiles, read by
 * {@link LegacyLedgerMigration}; benchmarks and tests build old layouts with it), and back. The way back is what verification
 * relies on: it rebuilds the entry from what is stored and re-derives its canonical bytes and hashes.
 */
public final class StoredEntries {
    private StoredEntries() {
    }

    /** The properties an entry is stored with, its hash among them (the appender's rows; benchmarks build ledgers). */
    public static Map<String, Object> properties(LedgerEntry e, String entryHash) {
        Map<String, Object> p = new HashMap<>();
        p.put("seq", e.seq());
        p.put("at", CanonicalJson.formatInstant(e.at()));
        p.put("action", e.action());
        p.put("entityType", e.entityType());
        p.put("entityKey", e.entityKey());
        p.put("contentHash", e.contentHash());
        p.put("supersedesHash", e.supersedesHash());
        p.put("actorSubject", e.actorSubject());
        p.put("actorName", e.actorName());
        p.put("actorRoles", e.actorRoles());
        p.put("actorClient", e.actorClient());
        p.put("reason", e.reason());
        p.put("commitId", e.commitId());
        p.put("prevHash", e.prevHash());
        p.put("entryHash", entryHash);
        p.put("version", e.version());
        return p;
    }

    /** The entry the node holds (its stored {@code entryHash} is not part of it: verification recomputes it). */
    public static LedgerEntry entry(Map<String, Object> p) {
        Object roles = p.get("actorRoles");
        return new LedgerEntry(((Number) p.get("seq")).longValue(), CanonicalJson.parseInstant((String) p.get("at")),
                text(p, "action"), text(p, "entityType"), text(p, "entityKey"), text(p, "contentHash"),
                text(p, "supersedesHash"), text(p, "actorSubject"), text(p, "actorName"),
                roles == null ? null : ((List<?>) roles).stream().map(String::valueOf).toList(),
                text(p, "actorClient"), text(p, "reason"), text(p, "commitId"), text(p, "prevHash"),
                p.get("version") == null ? null : ((Number) p.get("version")).longValue());
    }

    private static String text(Map<String, Object> p, String name) {
        Object v = p.get(name);
        return v == null ? null : v.toString();
    }
}
