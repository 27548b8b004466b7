package org.batchledger.lineage.release;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.batchledger.lineage.store.BookmarkScope;
import org.batchledger.lineage.store.Bookmarks;

/**
 * Reads of one evaluation that need nothing from each other run side by side, each in a session of its own with the
 * caller's read-your-writes bookmarks; every read is pinned to the same tree size, so they see the same ledger. A
 * few daemon threads, bounded, so load cannot multiply them.
 */
final class Beside {
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), runnable -> {
                Thread t = new Thread(runnable, "readiness-beside");
                t.setDaemon(true);
                return t;
            });

    private Beside() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> read) {
        Bookmarks bookmarks = BookmarkScope.current();
        return CompletableFuture.supplyAsync(() -> {
            BookmarkScope.set(bookmarks);
            try {
                return read.get();
            } finally {
                BookmarkScope.clear();
            }
        }, THREADS);
    }

    /** The read's result, or its own exception (not wrapped). */
    static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }
}
