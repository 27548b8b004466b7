package org.batchledger.lineage.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

    /** Both sets: a transaction after them waits for every write either names. */
    public Bookmarks and(Bookmarks other) {
        if (other.isEmpty()) {
            return this;
        }
        Set<Bookmark> all = new HashSet<>(values);
        all.addAll(other.values());
        return of(all);
    }

    /** One token per bookmark, URL-safe base64 of the driver's bookmark value. */
    public Set<String> tokens() {
        return values.stream().map(b -> encode(b.value())).collect(Collectors.toSet());
    }

    /** Bookmarks from tokens {@link #tokens()} made; anything else is an {@link InvalidBookmarkException}. */
    public static Bookmarks fromTokens(Iterable<String> tokens) {
        Set<Bookmark> values = new HashSet<>();
        for (String t : tokens) {
            values.add(Bookmark.from(decode(t)));
        }
        return new Bookmarks(values);
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Strict: unpadded base64url in its canonical form (no stray bits) of non-blank UTF-8 text. */
    private static String decode(String token) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token))).toString();
            if (!text.isBlank() && encode(text).equals(token)) {
                return text;
            }
        } catch (IllegalArgumentException | CharacterCodingException e) {
            // falls through to the refusal below
        }
        throw new InvalidBookmarkException(Set.of(token), "is not a bookmark token this hub issued");
    }
}
