package org.batchledger.lineage.ledger.verify;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.batchledger.lineage.store.BookmarkScope;
import org.batchledger.lineage.store.Bookmarks;

/**
 * Reads keyset pages on a second thread while the caller checks the page before: a bounded queue of
 * {@value #DEPTH} pages sits between them, so a verification runs at the pace of the slower of the two (the
 * store or the CPU) and memory stays bounded. The reader asks for the page after the last key it read until a
 * page is empty or reaches {@code last}; a failure on its side is thrown to the caller as it is. Closing it stops
 * the reader after the page it is reading. The reader runs in the caller's {@link BookmarkScope}, so its reads
 * wait for the same writes (a client's read-your-writes) as the caller's own.
 *
 * @param <T> one row of a page
 */
final class Prefetch<T> implements AutoCloseable {
    static final int DEPTH = 2;
    private static final Object END = new Object();

    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(DEPTH);
    private final Thread reader;
    private volatile boolean closed;

    /**
     * @param pageAfter the rows after a key, in key order (an empty page ends the reading)
     * @param key       a row's key; the next page is asked for after the last row's
     */
    Prefetch(String name, long after, long last, LongFunction<List<T>> pageAfter, ToLongFunction<T> key) {
        Bookmarks scope = BookmarkScope.current();
        reader = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            BookmarkScope.set(scope);
            read(after, last, pageAfter, key);
        });
        reader.start();
    }

    /** The next page, in order; an empty page after the last one. */
    @SuppressWarnings("unchecked")
    List<T> next() {
        Object page;
        try {
            page = pages.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next page", e);
        }
        if (page instanceof Failure failure) {
            pages.offer(failure);
            if (failure.cause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.cause();
        }
        if (page == END) {
            pages.offer(END);
            return List.of();
        }
        return (List<T>) page;
    }

    @Override
    public void close() {
        closed = true;
        pages.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(long after, long last, LongFunction<List<T>> pageAfter, ToLongFunction<T> key) {
        try {
            long from = after;
            while (from < last && !closed) {
                List<T> page = pageAfter.apply(from);
                if (page.isEmpty() || !hand(page)) {
                    break;
                }
                from = key.applyAsLong(page.getLast());
            }
            hand(END);
        } catch (RuntimeException | Error e) {
            hand(new Failure(e));
        }
    }

    // Waits for room in the queue, giving up once the caller has closed this.
    private boolean hand(Object page) {
        try {
            while (!closed) {
                if (pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private record Failure(Throwable cause) {
    }
}
