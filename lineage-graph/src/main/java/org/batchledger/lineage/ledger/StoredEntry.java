package org.batchledger.lineage.ledger;

import java.util.Map;

/**
 * The properties of one {@code (:LedgerEntry)} node as read, not yet checked: each is whatever the store holds
 * (text, a number, a list, or null), so an edited or retyped property reaches verification as it is. Verification
 * reads them positionally from its page query and hands them to {@link CanonicalEntryEncoder#encodeStored}; named
 * lookups in a map per entry cost more than encoding it.
 */
public record StoredEntry(Object seq, Object at, Object action, Object entityType, Object entityKey,
                          Object contentHash, Object supersedesHash, Object actorSubject, Object actorName,
                          Object actorRoles, Object actorClient, Object reason, Object commitId, Object prevHash,
                          Object entryHash, Object version) {

    /** The Cypher projection of node {@code e} that yields the fields in component order (columns 0..15). */
    public static final String RETURN_FIELDS = """
            e.seq AS seq, e.at AS at, e.action AS action, e.entityType AS entityType, e.entityKey AS entityKey,
            e.contentHash AS contentHash, e.supersedesHash AS supersedesHash, e.actorSubject AS actorSubject,
            e.actorName AS actorName, e.actorRoles AS actorRoles, e.actorClient AS actorClient, e.reason AS reason,
            e.commitId AS commitId, e.prevHash AS prevHash, e.entryHash AS entryHash, e.version AS version""";

    /** The fields of a node's property map. */
    public static StoredEntry of(Map<String, Object> p) {
        return new StoredEntry(p.get("seq"), p.get("at"), p.get("action"), p.get("entityType"), p.get("entityKey"),
                p.get("contentHash"), p.get("supersedesHash"), p.get("actorSubject"), p.get("actorName"),
                p.get("actorRoles"), p.get("actorClient"), p.get("reason"), p.get("commitId"), p.get("prevHash"),
                p.get("entryHash"), p.get("version"));
    }

    /** The fields of a row of {@link #RETURN_FIELDS}. */
    public static StoredEntry of(org.neo4j.driver.Record row) {
        return new StoredEntry(row.get(0).asObject(), row.get(1).asObject(), row.get(2).asObject(),
                row.get(3).asObject(), row.get(4).asObject(), row.get(5).asObject(), row.get(6).asObject(),
                row.get(7).asObject(), row.get(8).asObject(), row.get(9).asObject(), row.get(10).asObject(),
                row.get(11).asObject(), row.get(12).asObject(), row.get(13).asObject(), row.get(14).asObject(), row.get(15).asObject());
    }
}
