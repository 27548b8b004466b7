package org.batchledger.lineage.store;

import java.util.Set;
import java.util.TreeSet;

/** A client's bookmark token is malformed, or the database does not know the bookmark it carries. */
public final class InvalidBookmarkException extends IllegalArgumentException {
    private final Set<String> tokens;

    public InvalidBookmarkException(Set<String> tokens, String problem) {
        super((tokens.size() == 1 ? "bookmark '" + tokens.iterator().next() + "' "
                : "bookmarks " + new TreeSet<>(tokens) + " ") + problem);
        this.tokens = Set.copyOf(tokens);
    }

    /** The offending tokens, as the client sent them. */
    public Set<String> tokens() {
        return tokens;
    }
}
