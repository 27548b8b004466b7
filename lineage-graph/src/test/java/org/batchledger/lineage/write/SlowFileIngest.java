package org.batchledger.lineage.write;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerAppender.Change;
import org.batchledger.lineage.ledger.LedgerAppender.Commit;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.GraphDatabase.Tx;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.SourceFile;
import org.neo4j.driver.AuthTokens;

/**
 * The child JVM of {@link FileIngestCrashIT}: ingests one file of {@code n} lots through the real command, but
 * after the records are written inside the transaction it says {@code WRITTEN} and waits to be killed, so the
 * parent kills it mid-file, with everything written and nothing committed.
 */
public final class SlowFileIngest {
    private SlowFileIngest() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        try (var driver = org.neo4j.driver.GraphDatabase.driver(uri, AuthTokens.none())) {
            LedgeredWrite unitOfWork = new LedgeredWrite(new GraphDatabase(driver, "neo4j"),
                    new LedgerAppender(Clock.systemUTC()));
            unitOfWork.run(new Stalling(new IngestFile(request(n))));
        }
    }

    static FileIngestRequest request(int n) {
        String sha = "e".repeat(64);
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        Provenance p = new Provenance("file:sha256:" + sha, "line 1", "ingest", t, t);
        List<LedgerRecord> records = new ArrayList<>();
        records.add(new Material("big:M", "m", Material.MaterialKind.RAW_MATERIAL, "kg", p));
        for (int i = 0; i < n; i++) {
            records.add(new Lot("big:LOT-" + i, "big:M", Lot.LotStatus.IN_STOCK, 1.0, "kg", null, null, null,
                    new Provenance(p.source(), "line " + (i + 2), "ingest", t, t)));
        }
        return new FileIngestRequest(new SourceFile("sha256:" + sha, "big.txt", null, 1, "test",
                new Provenance("ingest:test", null, "ingest", t, t)), records, SmallPlant.OPERATOR, "ingest big", false);
    }

    /** The ingest command, stopping after its graph writes until the process is killed. */
    private record Stalling(IngestFile command) implements LedgeredCommand<FileIngestReceipt> {
        @Override
        public CommandHeader header() {
            return command.header();
        }

        @Override
        public Plan<FileIngestReceipt> plan(Tx tx) {
            Plan<FileIngestReceipt> plan = command.plan(tx);
            return new Plan<>() {
                @Override
                public List<Change> changes() {
                    return plan.changes();
                }

                @Override
                public FileIngestReceipt write(Tx tx, long firstSeq) {
                    FileIngestReceipt r = plan.write(tx, firstSeq);
                    System.out.println("WRITTEN " + r.counts());
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return r;
                }
            };
        }

        @Override
        public FileIngestReceipt replay(Tx tx, Commit commit) {
            return command.replay(tx, commit);
        }
    }
}
