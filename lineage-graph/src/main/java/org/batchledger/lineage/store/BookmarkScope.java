package org.batchledger.lineage.store;

/**
 * The bookmarks every transaction on the current thread waits for: a client's read-your-writes request. The API
 * layer sets them around each piece of work of one request (GraphQL data fetchers and batch loaders); outside a
 * scope, transactions wait for nothing. {@link GraphDatabase} reads it for every session it opens.
 */
public final class BookmarkScope {
    private static final ThreadLocal<Bookmarks> CURRENT = new ThreadLocal<>();

    private BookmarkScope() {
    }

    public static Bookmarks current() {
        Bookmarks b = CURRENT.get();
        return b == null ? Bookmarks.none() : b;
    }

    public static void set(Bookmarks bookmarks) {
        if (bookmarks == null || bookmarks.isEmpty()) {
            CURRENT.remove();
        } else {
            CURRENT.set(bookmarks);
        }
    }

    public static void clear() {
        CURRENT.remove();
    }
}
