package org.batchledger.lineage.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.schema.json.CanonicalJson;

/**
 * Conditions on stored properties: equality on some, a time range on one. Property names are chosen by code (the
 * API's filter inputs map to fixed names), never taken from request text.
 */
public final class RecordFilter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    public static RecordFilter none() {
        return new RecordFilter();
    }

    public RecordFilter equal(String property, Object value) {
        if (value != null) {
            String p = "f" + parameters.size();
            conditions.add("n." + property + " = $" + p);
            parameters.put(p, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    /** Inclusive {@code from}, exclusive {@code to}; instants are stored as fixed-width UTC text that sorts. */
    public RecordFilter between(String property, Instant from, Instant to) {
        if (from != null) {
            conditions.add("n." + property + " >= $from");
            parameters.put("from", CanonicalJson.formatInstant(from));
        }
        if (to != null) {
            conditions.add("n." + property + " < $to");
            parameters.put("to", CanonicalJson.formatInstant(to));
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
