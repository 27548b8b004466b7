package org.batchledger.hub.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shapes a per-key query answer into the per-source map a {@code @BatchMapping} returns. */
public final class Batched {
    private Batched() {
    }

    public static <S, V> Map<S, V> bySource(Collection<S> sources, Function<S, String> key, Map<String, V> byKey) {
        Map<S, V> out = new LinkedHashMap<>();
        for (S s : sources) {
            V v = byKey.get(key.apply(s));
            if (v != null) {
                out.put(s, v);
            }
        }
        return out;
    }

    public static <S, V> Map<S, List<V>> listsBySource(Collection<S> sources, Function<S, String> key,
                                                       Map<String, List<V>> byKey) {
        Map<S, List<V>> out = new LinkedHashMap<>();
        sources.forEach(s -> out.put(s, byKey.getOrDefault(key.apply(s), List.of())));
        return out;
    }

    public static <S> List<String> keys(Collection<S> sources, Function<S, String> key) {
        return sources.stream().map(key).distinct().toList();
    }
}
