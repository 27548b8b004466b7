package org.batchledger.lineage.store;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.Bookmark;

/**
 * Causal-consistency bookmarks as opaque text a client can hand back (GraphQL response {@code extensions}).
 */
public record Bookmarks(Set<Bookmark> values) {
    public static Bookmarks none() {
        return new Bookmarks(Set.of());
    }

    public static Bookmarks of(Set<Bookmark> values) {
        return new Bookmarks(Set.copyOf(values));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** One token per bookmark, URL-safe base64 of the driver's bookmark value. */
    public Set<String> tokens() {
        return values.stream()
                .map(b -> Base64.getUrlEncoder().withoutPadding().encodeToString(b.value().getBytes()))
                .collect(Collectors.toSet());
    }

    public static Bookmarks fromTokens(Iterable<String> tokens) {
        Set<Bookmark> values = new HashSet<>();
        for (String t : tokens) {
            try {
                values.add(Bookmark.from(new String(Base64.getUrlDecoder().decode(t))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a bookmark token: " + t);
            }
        }
        return new Bookmarks(values);
    }
}
