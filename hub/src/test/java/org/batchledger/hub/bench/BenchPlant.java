package org.batchledger.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Production;
import org.batchledger.synthplant.GenealogyEdge;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * The benchmark's plant in a reusable data directory: loaded once through the real write path (chunks, one
 * transaction each, ledger entries included), then reused. A marker file records a finished load; an interrupted
 * load resumes, because the bulk loader skips chunks whose idempotency key already committed.
 */
final class BenchPlant {
    static final long SEED = 20261124L;

    private BenchPlant() {
    }

    static Path marker(Path dataDir, PlantSize size) {
        return dataDir.resolve("loaded-" + SEED + "-" + size.batches() + ".txt");
    }

    /** Loads the plant into {@code dataDir/neo4j} unless the marker says it is there; returns load seconds (0 if reused). */
    static double ensureLoaded(Path dataDir, PlantSize size) throws IOException {
        Path marker = marker(dataDir, size);
        if (Files.exists(marker)) {
            return 0;
        }
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            var writer = new RecordWriter(db, new LedgerAppender(Clock.systemUTC()));
            var plant = SyntheticPlant.of(SEED, size);
            new BulkLoader(db, writer).load("bench:seed=" + SEED + ":batches=" + size.batches(), plant.chunks(5_000),
                    Actor.system("benchmark"), "benchmark plant", Math.round(size.batches() * 13.2));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.writeString(marker, "loaded in %.0f s%n".formatted(seconds));
        return seconds;
    }

    /**
     * Writes hand-made genealogy shapes (the synthetic fan, the diamond ladders) through the write path in chunks,
     * once per data dir and name; returns their genealogy edges either way.
     */
    static List<GenealogyEdge> ensureShapes(Path dataDir, String name, List<LedgerRecord> records) throws IOException {
        Path marker = dataDir.resolve("shapes-" + name + ".txt");
        if (!Files.exists(marker)) {
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), 0);
                 Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                GraphDatabase db = new GraphDatabase(driver, "neo4j");
                var writer = new RecordWriter(db, new LedgerAppender(Clock.systemUTC()));
                List<List<LedgerRecord>> chunks = new ArrayList<>();
                for (int i = 0; i < records.size(); i += 5_000) {
                    chunks.add(records.subList(i, Math.min(records.size(), i + 5_000)));
                }
                new BulkLoader(db, writer).load("bench:shapes:" + name, chunks.stream(), Actor.system("benchmark"),
                        "benchmark shapes", records.size());
            }
            Files.writeString(marker, "%,d records%n".formatted(records.size()));
        }
        List<GenealogyEdge> edges = new ArrayList<>();
        for (LedgerRecord r : records) {
            switch (r) {
                case Consumption c -> edges.add(new GenealogyEdge(c.lotKey(), c.batchKey()));
                case Production p -> edges.add(new GenealogyEdge(p.batchKey(), p.lotKey()));
                default -> {
                }
            }
        }
        return edges;
    }

    /**
     * Applies the schema migrations to a data dir loaded by an older build (V003 backfills versions on millions of
     * nodes in batches of its own).
     */
    static void migrate(Path dataDir) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), 0);
             Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            Migrations.apply(new GraphDatabase(driver, "neo4j"));
        }
    }

    /** The hub in this JVM on a loopback port over the benchmark's Neo4j: test tokens, no demo plant, trace cache off. */
    static org.springframework.context.ConfigurableApplicationContext hub(EmbeddedNeo4j neo4j, Path dataDir,
                                                                         String... moreArguments) {
        var tokens = org.batchledger.hub.support.TestTokens.shared();
        // command-line arguments, because application.yml outranks default properties
        var arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--batchledger.neo4j.uri=" + neo4j.boltUri(),
                "--batchledger.data-dir=" + dataDir.resolve("hub"),
                "--batchledger.keycloak.issuer=" + org.batchledger.hub.support.TestTokens.ISSUER,
                "--batchledger.keycloak.jwk-set-uri=" + tokens.jwkSetUri(),
                "--batchledger.demo-plant.enabled=false",
                "--batchledger.trace.cache-seconds=0",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(moreArguments));
        return new org.springframework.boot.builder.SpringApplicationBuilder(org.batchledger.hub.HubApplication.class)
                .run(arguments.toArray(String[]::new));
    }

    /**
     * {@code BenchPlant <dataDir> <size>}: loads and migrates only, so the long load can run ahead of the benchmark
     * in a JVM with a larger heap.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        PlantSize size = args.length > 1 ? PlantSize.parse(args[1]) : PlantSize.LARGE;
        System.out.printf("load: %.0f s%n", ensureLoaded(dir, size));
        migrate(dir);
    }
}
