package org.batchledger.lineage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;

/**
 * A forged read-your-writes bookmark (a real one with its transaction id raised far beyond the database's) fails
 * within the server's bookmark timeout with a typed error, once, and never ties up more than a few connections:
 * beyond {@link GraphDatabase#MAX_BOOKMARK_WAITS} concurrent waits the next is refused at once.
 */
@Tag("REQ-RELIABILITY-006")
class BookmarkWaitIT {
    private static final GraphDatabase DB = Neo4jTestServer.shared().db();

    @Test
    void aForgedBookmarkFailsTypedWithinTheBookmarkTimeout() {
        Bookmarks forged = forged();
        long t0 = System.nanoTime();
        RuntimeException e = catchRuntimeException(() -> DB.awaitBookmarks(forged));
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(e).isInstanceOf(InvalidBookmarkException.class)
                .hasMessageContaining("has not applied within its bookmark timeout");
        assertThat(seconds).as("one wait of the 5 s bookmark timeout, no driver retries").isLessThan(20);
    }

    @Test
    void manyForgedBookmarksAtOnceAreRefusedBeyondTheWaitLimitAndTheDatabaseStaysAnswering() throws Exception {
        Bookmarks forged = forged();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        DB.awaitBookmarks(forged);
                        return "waited";
                    } catch (InvalidBookmarkException e) {
                        return e.getMessage().contains("already waiting") ? "refused at once" : "timed out";
                    }
                }));
            }
            // while they wait, a plain read still gets a connection and answers
            int one = DB.read(tx -> tx.run("RETURN 1 AS one", Map.of()).single().get("one").asInt());
            assertThat(one).isEqualTo(1);
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).doesNotContain("waited");
            assertThat(results.stream().filter("timed out"::equals).count())
                    .isLessThanOrEqualTo(GraphDatabase.MAX_BOOKMARK_WAITS);
            assertThat(results).contains("refused at once");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A real bookmark with its transaction id raised by a million. Neo4j's bookmark is {@code FB:} + base64 of a
     * PackStream value: the database id as 16 bytes ({@code 0xCC 0x10 …}) followed by the transaction id as an
     * integer; the forgery rewrites that integer as INT_64.
     */
    private static Bookmarks forged() {
        var real = DB.readNotingBookmarks(tx -> tx.run("RETURN 1", Map.of()).consume()).bookmarks();
        String value = real.values().iterator().next().value();
        assertThat(value).startsWith("FB:");
        byte[] bytes = Base64.getDecoder().decode(value.substring(3));
        int uuidEnd = indexOf(bytes, (byte) 0xCC, (byte) 0x10) + 2 + 16;
        int marker = bytes[uuidEnd] & 0xFF;
        int intLength = switch (marker) {
            case 0xC8 -> 2;
            case 0xC9 -> 3;
            case 0xCA -> 5;
            case 0xCB -> 9;
            default -> 1; // a tiny int
        };
        long tx = switch (intLength) {
            case 2 -> bytes[uuidEnd + 1];
            case 3 -> ByteBuffer.wrap(bytes, uuidEnd + 1, 2).getShort();
            case 5 -> ByteBuffer.wrap(bytes, uuidEnd + 1, 4).getInt();
            case 9 -> ByteBuffer.wrap(bytes, uuidEnd + 1, 8).getLong();
            default -> bytes[uuidEnd];
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, uuidEnd);
        out.write(0xCB);
        out.writeBytes(ByteBuffer.allocate(8).putLong(tx + 1_000_000).array());
        out.write(bytes, uuidEnd + intLength, bytes.length - uuidEnd - intLength);
        return Bookmarks.of(Set.of(Bookmark.from("FB:" + Base64.getEncoder().encodeToString(out.toByteArray()))));
    }

    private static int indexOf(byte[] bytes, byte a, byte b) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == a && bytes[i + 1] == b) {
                return i;
            }
        }
        throw new AssertionError("no database id in the bookmark");
    }
}
