package org.batchledger.lineage.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.batchledger.lineage.store.BookmarkScope;
import org.batchledger.lineage.store.Bookmarks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;

/** Pages read ahead on a second thread arrive in key order, at most a bounded number ahead, and failures surface. */
@Tag("REQ-PERF-004")
@Tag("REQ-LEDGER-009")
class PrefetchTest {

    @Test
    void pagesArriveInKeyOrderUpToTheLastKey() {
        List<Long> seen = new ArrayList<>();
        try (Prefetch<Long> pages = new Prefetch<>("test-reader", 0, 25, after -> keys(after, 10, 1_000), k -> k)) {
            for (List<Long> page = pages.next(); !page.isEmpty(); page = pages.next()) {
                seen.addAll(page);
            }
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void anEmptyPageEndsTheReadingBeforeTheLastKey() {
        try (Prefetch<Long> pages = new Prefetch<>("test-reader", 0, 100, after -> keys(after, 10, 15), k -> k)) {
            assertThat(pages.next()).hasSize(10);
            assertThat(pages.next()).hasSize(5);
            assertThat(pages.next()).isEmpty();
            assertThat(pages.next()).as("and stays ended").isEmpty();
        }
    }

    @Test
    void theReaderStaysABoundedNumberOfPagesAhead() throws InterruptedException {
        AtomicInteger read = new AtomicInteger();
        try (Prefetch<Long> pages = new Prefetch<>("test-reader", 0, Long.MAX_VALUE, after -> {
            read.incrementAndGet();
            return keys(after, 10, Long.MAX_VALUE);
        }, k -> k)) {
            pages.next();
            Thread.sleep(300);
            assertThat(read.get()).isLessThanOrEqualTo(1 + Prefetch.DEPTH + 1);
        }
    }

    @Test
    void aFailureOfTheReaderIsThrownToTheCallerAfterThePagesBeforeIt() {
        try (Prefetch<Long> pages = new Prefetch<>("test-reader", 0, 100, after -> {
            if (after >= 10) {
                throw new IllegalStateException("database gone");
            }
            return keys(after, 10, 100);
        }, k -> k)) {
            assertThat(pages.next()).hasSize(10);
            assertThatThrownBy(pages::next).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        }
    }

    @Test
    void theReaderWaitsForTheSameWritesAsTheCaller() {
        Bookmarks clientWrites = Bookmarks.of(Set.of(Bookmark.from("FB:client-write")));
        AtomicReference<Bookmarks> seenByReader = new AtomicReference<>();
        BookmarkScope.set(clientWrites);
        try (Prefetch<Long> pages = new Prefetch<>("test-reader", 0, 10, after -> {
            seenByReader.set(BookmarkScope.current());
            return keys(after, 10, 10);
        }, k -> k)) {
            pages.next();
        } finally {
            BookmarkScope.clear();
        }
        assertThat(seenByReader.get()).isEqualTo(clientWrites);
    }

    @Test
    void closingStopsTheReaderThread() {
        Prefetch<Long> pages = new Prefetch<>("test-reader-closed", 0, Long.MAX_VALUE,
                after -> keys(after, 10, Long.MAX_VALUE), k -> k);
        pages.next();
        pages.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-reader-closed"));
    }

    private static List<Long> keys(long after, int page, long max) {
        return LongStream.rangeClosed(after + 1, Math.min(after + page, max)).boxed().toList();
    }
}
