package org.batchledger.synthplant;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Source-namespaced business keys ({@code synthplant:LOT-000123}) and their locators
 * ({@code synthplant/lot/123}). One running number per kind; batches share one number across stages so that
 * {@code synthplant/batch/45} names exactly one batch whatever its stage.
 */
final class Keys {
    static final String NS = "synthplant:";

    private final Map<String, long[]> counters = new HashMap<>();

    /** A new numbered key: the number is used for both the key and the locator. */
    Numbered next(String kind, String prefix) {
        long n = ++counters.computeIfAbsent(kind, k -> new long[1])[0];
        return new Numbered(NS + prefix + "-" + String.format(Locale.ROOT, "%06d", n), "synthplant/" + kind + "/" + n);
    }

    static String fixed(String name) {
        return NS + name;
    }

    static String locator(String kind, String id) {
        return "synthplant/" + kind + "/" + id;
    }

    record Numbered(String key, String locator) {
    }
}
