package org.batchledger.lineage.write;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.schema.record.LedgerRecord;
import org.neo4j.driver.AuthTokens;

/**
 * The child JVM of {@link ChunkedIngestCrashIT}: opens embedded Neo4j on the given directory, writes one small file
 * (published), then a large one in chunks, printing {@code CHUNK <n> <staged end>} after each committed chunk and
 * going straight on with the next, so the parent kills it between or inside chunk transactions.
 */
public final class ChunkedIngestChild {
    static final String INSTANCE = "crash-test";
    static final int SMALL = 33;
    static final int CHUNK = 2_000;

    private ChunkedIngestChild() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.out.println("FAILED");
            System.out.flush();
            System.exit(1);
        }
    }

    private static void run(String[] args) {
        Path home = Path.of(args[0]);
        int lots = Integer.parseInt(args[1]);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
        var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
        GraphDatabase db = new GraphDatabase(driver, "neo4j");
        Migrations.apply(db);
        LedgeredWrite unitOfWork = unitOfWork(db);
        BigFile small = small();
        ChunkedIngest first = ChunkedIngest.begin(unitOfWork, small.header(false), small.digest());
        small.chunks(CHUNK, true).forEach(first::write);
        System.out.println("PUBLISHED " + first.publish().lastSeq());
        BigFile big = big(lots);
        ChunkedIngest ingest = ChunkedIngest.begin(unitOfWork, big.header(false), big.digest());
        int n = 0;
        for (List<LedgerRecord> chunk : big.chunks(CHUNK, false)) {
            ingest.write(chunk);
            System.out.println("CHUNK " + ++n + " " + ingest.lease().stagedSeq());
            System.out.flush();
        }
        System.out.println("ALL CHUNKS");
        System.out.flush();
        sleepForever();
    }

    static LedgeredWrite unitOfWork(GraphDatabase db) {
        return new LedgeredWrite(db, new LedgerAppender(Clock.systemUTC()), Clock.systemUTC(), Duration.ofSeconds(5),
                Duration.ofMinutes(5), INSTANCE);
    }

    /** 33 lots and their material: 1 + 1 + 99 + 33 = 134 entries, so bundle 0 is partial when the large file starts. */
    static BigFile small() {
        return new BigFile("c".repeat(64), SMALL, "small:M", "small");
    }

    static BigFile big(int lots) {
        return new BigFile("d".repeat(64), lots);
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
