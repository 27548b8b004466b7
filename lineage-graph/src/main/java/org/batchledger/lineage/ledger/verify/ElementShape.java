package org.batchledger.lineage.ledger.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.json.RecordProperties;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;

/**
 * The content half of an element's check, shared by nodes and relationships: the record rebuilt from the stored
 * properties must hash to the entry's content hash, and the stored properties must be exactly the record's
 * properties plus the bookkeeping the entry implies. Differences are collected as readable reasons.
 */
final class ElementShape {
    private ElementShape() {
    }

    /** The record the stored properties hold, or null (with a reason) when they do not form one. */
    static LedgerRecord content(RecordType type, LedgerEntry entry, Map<String, Object> stored, List<String> reasons) {
        LedgerRecord record;
        try {
            record = RecordProperties.toRecord(stored, type.javaType());
        } catch (RuntimeException e) {
            reasons.add("its stored properties no longer form a valid record");
            return null;
        }
        if (!CanonicalJson.contentHash(record).equals(entry.contentHash())) {
            reasons.add("its stored content does not hash to the ledgered content hash (record altered)");
        }
        if (!Objects.equals(record.key(), entry.entityKey())) {
            reasons.add("it is key " + record.key() + ", the entry records key " + entry.entityKey());
        }
        return record;
    }

    /** The record's properties (non-null values) and the content hash and sequence number of its entry. */
    static Map<String, Object> properties(LedgerRecord record, LedgerEntry entry) {
        Map<String, Object> expected = new HashMap<>();
        RecordProperties.of(record).forEach((name, value) -> {
            if (value != null) {
                expected.put(name, value);
            }
        });
        expected.put("contentHash", entry.contentHash());
        expected.put("ledgerSeq", entry.seq());
        return expected;
    }

    /** Each property missing, extra or different, by name. */
    static void compare(Map<String, Object> expected, Map<String, Object> stored, List<String> reasons) {
        for (var e : new TreeMap<>(expected).entrySet()) {
            Object value = stored.get(e.getKey());
            if (value == null) {
                reasons.add("property " + e.getKey() + " is missing (the ledger implies " + e.getValue() + ")");
            } else if (!value.equals(e.getValue())) {
                reasons.add("property " + e.getKey() + " is " + value + ", the ledger implies " + e.getValue());
            }
        }
        for (String name : new TreeMap<>(stored).keySet()) {
            if (!expected.containsKey(name)) {
                reasons.add("property " + name + " = " + stored.get(name) + " is extra (no entry sets it)");
            }
        }
    }

    /** Each element of the multiset {@code expected} missing from {@code stored}, and each extra one. */
    static void compareEdges(List<String> expected, List<String> stored, List<String> reasons) {
        Map<String, Integer> balance = new TreeMap<>();
        expected.forEach(e -> balance.merge(e, 1, Integer::sum));
        stored.forEach(s -> balance.merge(s, -1, Integer::sum));
        List<String> out = new ArrayList<>();
        balance.forEach((edge, n) -> {
            if (n > 0) {
                out.add("edge " + edge + " is missing");
            } else if (n < 0) {
                out.add("edge " + edge + " is extra (no entry implies it)");
            }
        });
        reasons.addAll(out);
    }

    /** An edge as compared: type, properties, and the end node's labels, key and version. */
    static String edge(String type, Map<String, Object> props, Object labels, Object key, Object version) {
        String text = type + " -> " + labels + " " + key + " v" + version;
        return props.isEmpty() ? text : text + " " + new TreeMap<>(props);
    }
}
