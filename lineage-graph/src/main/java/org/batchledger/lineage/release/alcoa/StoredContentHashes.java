package org.batchledger.lineage.release.alcoa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.RecordType;

/**
 * The content hash that a record version's stored properties hash to, recomputed so that an edit made in the
 * database alone is caught (ALCOA-E-002 and the ledger-verified readiness check both ask). The answer is a pure
 * function of the type and the exact stored properties, so it is remembered keyed by them: a changed property is a
 * different key and is hashed afresh, while re-evaluating an unchanged batch (the release queue, a refreshed release
 * screen, both checks in one evaluation) skips decoding, canonical encoding and SHA-256. Bounded, least recently used.
 */
public final class StoredContentHashes {
    static final int CAPACITY = 20_000;
    /** Properties that do not decode to a record: remembered too, reported by the caller as a mismatch. */
    private static final String NOT_A_RECORD = "";
    private static final Map<Key, String> HASHES = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > CAPACITY;
        }
    };

    private StoredContentHashes() {
    }

    private record Key(RecordType type, Map<String, Object> stored) {
    }

    /** The hash the stored properties hash to as a record of {@code type}, or null when they form no valid record. */
    public static String of(RecordType type, Map<String, Object> stored) {
        Key key = new Key(type, stored);
        String known;
        synchronized (HASHES) {
            known = HASHES.get(key);
        }
        if (known == null) {
            try {
                known = CanonicalJson.contentHash(RecordProperties.toRecord(stored, type.javaType()));
            } catch (RuntimeException e) {
                known = NOT_A_RECORD;
            }
            synchronized (HASHES) {
                HASHES.put(key, known);
            }
        }
        return known.isEmpty() ? null : known;
    }
}
