package org.batchledger.lineage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.ledger.LedgerEntry;
import org.batchledger.verifier.proof.MerkleHash;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.schema.json.JsonBindingOracle;
import org.batchledger.verifier.proof.Sha256;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

/**
 * The write path against Neo4j's own transactional write rate, side by side in one JVM, for bench/RESULTS.md. Not
 * run by mvn verify. Four fresh embedded Neo4j servers (Community has one user database each), each with the real
 * schema migrations (so the same constraints and indexes), receive the same synthplant records in the same
 * order, round by round, alternating, so load on a shared machine hits all of them alike:
 * <ul>
 *   <li>(i) <b>plain nodes</b>: the prepared node records (properties, content hash, ledgerSeq, version), one
 *   {@code UNWIND $rows AS row CREATE (n:Label) SET n = row} per label and batch: the issue's ceiling;</li>
 *   <li>(i') <b>plain graph</b>: the same graph as the write path makes (nodes, genealogy relationships, reference
 *   edges, via {@link GraphWrites}) without checks or ledger;</li>
 *   <li><b>checks + graph</b>: {@link GraphChecks} then {@link GraphWrites}, no ledger (what the checks cost);</li>
 *   <li>(ii) <b>write path</b>: {@link RecordWriter#write} (prepare, checks, graph, entries, Merkle tree, head).</li>
 * </ul>
 * Then the CPU part of preparing a batch (no database), on one thread. Run:
 * {@code mvn -o -pl schema,synthplant,lineage-graph test -Dgroups=benchmark -DexcludedGroups=none -Dtest=WritePathBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} with {@code -Dbench.batches} plant batches (default 6,000 ≈ 80,000
 * records), {@code -Dbench.batch} records per transaction (default 2,000), {@code -Dbench.roundChunks} transactions
 * per round (default 2), {@code -Dbench.warmup} warm-up rounds (default 2). Prints figures with the load average;
 * asserts only that the stores hold the same records.
 */
@Tag("benchmark")
@Tag("REQ-PERF-007")
public final class WritePathBenchmark {
    private static final long SEED = 20261124L;
    private static final String RECORD_LABELS = java.util.Arrays.stream(RecordType.values())
            .filter(t -> !t.isRelationship()).map(t -> "'" + t.graphName() + "'").collect(Collectors.joining(",", "[", "]"));
    @TempDir
    Path homes;

    @Test
    void writePathAgainstPlainNeo4j() {
        int batches = Integer.getInteger("bench.batches", 6_000);
        int batch = Integer.getInteger("bench.batch", 2_000);
        int roundChunks = Integer.getInteger("bench.roundChunks", 2);
        int warmup = Integer.getInteger("bench.warmup", 2);
        cpuOnly(measure(homes, batches, batch, roundChunks, warmup).chunks());
    }

    /**
     * The four lanes' medians (records/s, except the plain-nodes ceiling in nodes/s) over the counted rounds, for the
     * benchmark suite ({@code ./bench.sh}); {@code chunks} are the records written, for the CPU-only figure.
     */
    public record Figures(int batches, long records, int countedRounds, double plainNodesPerSecond,
                          double plainGraphRecordsPerSecond, double checkedRecordsPerSecond,
                          double writePathRecordsPerSecond, String loadBefore, String loadAfter,
                          List<List<LedgerRecord>> chunks) {
    }

    /** The four lanes into four fresh stores under {@code homes}, round by round, alternating. */
    public static Figures measure(Path homes, int batches, int batch, int roundChunks, int warmup) {
        String loadBefore = loadAverage();
        SyntheticPlant plant = SyntheticPlant.of(SEED, PlantSize.ofBatches(batches));
        List<List<LedgerRecord>> chunks = plant.chunks(batch).toList();
        long records = chunks.stream().mapToLong(List::size).sum();
        print("machine: %s", machine());
        print("plant: synthplant seed %d, %,d batches; %,d records in %,d transactions of ≤ %,d; mix %s", SEED,
                plant.size().batches(), records, chunks.size(), batch, mix(chunks));

        try (Store plainNodes = Store.start(homes.resolve("plain-nodes"));
             Store plainGraph = Store.start(homes.resolve("plain-graph"));
             Store checkedGraph = Store.start(homes.resolve("checked-graph"));
             Store ledgered = Store.start(homes.resolve("write-path"))) {
            print("Neo4j %s", ledgered.version());
            RecordWriter writer = new RecordWriter(ledgered.db, new LedgerAppender(Clock.systemUTC()));
            long[] seq = {0, 0, 0};
            // Each lane turns a chunk into the work it times; the plain lanes prepare their rows before the clock
            // starts (they stand for the database alone), the write path prepares inside RecordWriter.write.
            List<Lane> lanes = List.of(
                    new Lane("plain nodes (i)", plainNodes, chunk -> {
                        List<PreparedRecord> rows = prepared(chunk, seq, 0);
                        return () -> plainNodes.db.write(tx -> {
                            createNodesOnly(tx, rows);
                            return null;
                        });
                    }),
                    new Lane("plain graph (i')", plainGraph, chunk -> {
                        List<PreparedRecord> rows = prepared(chunk, seq, 1);
                        return () -> plainGraph.db.write(tx -> {
                            GraphWrites.create(tx, rows);
                            return null;
                        });
                    }),
                    new Lane("checks + graph", checkedGraph, chunk -> {
                        List<PreparedRecord> rows = prepared(chunk, seq, 2);
                        return () -> checkedGraph.db.write(tx -> {
                            GraphChecks.requireValid(tx, rows);
                            GraphWrites.create(tx, rows);
                            return null;
                        });
                    }),
                    new Lane("write path (ii)", ledgered, chunk -> () -> writer.write(new WriteRequest(chunk,
                            SmallPlant.OPERATOR, "write path benchmark", "bench#" + chunk.getFirst().key()))));
            int round = 0;
            for (int from = 0; from < chunks.size(); from += roundChunks, round++) {
                List<List<LedgerRecord>> roundRecords = chunks.subList(from, Math.min(chunks.size(), from + roundChunks));
                // A short last round (the plant's tail) is written but not counted: its figures are not comparable.
                boolean counted = round >= warmup && roundRecords.size() == roundChunks
                        && roundRecords.getLast().size() == batch;
                for (Lane p : lanes) {
                    p.run(round, !counted, roundRecords);
                }
            }
            for (Lane p : lanes) {
                p.summary();
            }
            double ceiling = lanes.get(0).median(Lane.NODES_PER_S);
            double graph = lanes.get(1).median(Lane.RECORDS_PER_S);
            double ledger = lanes.get(3).median(Lane.RECORDS_PER_S);
            print("RATIO write path records/s ÷ plain nodes/s (the issue's ceiling): %.2f; ÷ plain graph records/s: "
                    + "%.2f (target ≥ 0.6)", ledger / ceiling, ledger / graph);
            String recordNodes = "MATCH (n) WHERE any(l IN labels(n) WHERE l IN " + RECORD_LABELS + ") RETURN count(n)";
            assertThat(ledgered.count(recordNodes)).isEqualTo(plainGraph.count(recordNodes))
                    .isEqualTo(checkedGraph.count(recordNodes))
                    .isEqualTo(plainNodes.count("MATCH (n) RETURN count(n)") - plainNodes.baseNodes);
            assertThat(ledgered.count("MATCH ()-[r]->() WHERE type(r) <> 'SUPERSEDES' RETURN count(r)"))
                    .isEqualTo(plainGraph.count("MATCH ()-[r]->() RETURN count(r)"));
            return new Figures(plant.size().batches(), records, lanes.get(3).rounds.size(), ceiling, graph,
                    lanes.get(2).median(Lane.RECORDS_PER_S), ledger, loadBefore, loadAverage(), chunks);
        }
    }

    /**
     * Whether an empty database loads much faster through {@code neo4j-admin database import full} (the import
     * tool ships in the {@code org.neo4j:neo4j} jars from Maven Central we depend on): the same plant as prepared
     * records plus their precomputed ledger entries, written as CSV (one file per label and relationship type),
     * imported by the tool in a child JVM with this JVM's class path, then the hub's schema migrations (constraints
     * and indexes) applied on the imported store. Merkle nodes are left out (after the tiles change they are one node
     * per 256 entries). Not a command: a measurement for the decision. {@code -Dbench.batches} as above.
     */
    @Test
    void adminImportOfAnEmptyDatabase() throws Exception {
        int batches = Integer.getInteger("bench.batches", 6_000);
        SyntheticPlant plant = SyntheticPlant.of(SEED, PlantSize.ofBatches(batches));
        Path csv = Files.createDirectories(homes.resolve("csv"));
        Path home = Files.createDirectories(homes.resolve("imported"));
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "");
        print("machine: %s", machine());
        String load = loadAverage();
        long t0 = System.nanoTime();
        CsvExport export = new CsvExport(csv);
        plant.chunks(2_000).forEach(export::add);
        List<String> args = export.finish();
        double prepare = seconds(t0);
        print("IMPORT: %,d records (%,d nodes, %,d relationships) and %,d ledger entries prepared and written as CSV "
                        + "(%,.1f MB) in %.1f s = %,.0f records/s on one thread; load average before %s, after %s",
                export.records, export.nodes, export.relationships, export.records, export.bytes() / 1e6, prepare,
                export.records / prepare, load, loadAverage());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.neo4j.cli.AdminTool", "database", "import", "full",
                "neo4j"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(homes.resolve("import.log").toFile());
        builder.environment().put("NEO4J_HOME", home.toString());
        builder.environment().put("NEO4J_CONF", home.resolve("conf").toString());
        load = loadAverage();
        long t1 = System.nanoTime();
        int exit = builder.start().waitFor();
        double imported = seconds(t1);
        List<String> log = Files.readAllLines(homes.resolve("import.log"));
        assertThat(exit).as(String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()))).isZero();
        print("IMPORT: neo4j-admin database import full (child JVM, incl. its start) in %.1f s = %,.0f records/s, "
                        + "%,.0f nodes+relationships/s; tool says: %s; load average before %s, after %s", imported,
                export.records / imported, (export.nodes + export.records + export.relationships) / imported,
                log.stream().filter(l -> l.startsWith("IMPORT DONE")).findFirst().orElse("?"), load, loadAverage());

        load = loadAverage();
        long t2 = System.nanoTime();
        try (Store store = Store.start(home)) {
            double schema = seconds(t2);
            assertThat(store.count("MATCH (n:LedgerEntry) RETURN count(n)")).isEqualTo(export.records);
            assertThat(store.count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(export.relationships);
            print("IMPORT: start on the imported store + schema migrations (constraints, indexes populated) in %.1f s; "
                            + "total %.1f s = %,.0f records/s end to end; load average before %s, after %s", schema,
                    prepare + imported + schema, export.records / (prepare + imported + schema), load, loadAverage());
        }
    }

    /** The CPU part alone (as at the end of the side-by-side run), without starting any database. */
    @Test
    void prepareCpuOnly() {
        cpuOnly(SyntheticPlant.of(SEED, PlantSize.ofBatches(Integer.getInteger("bench.batches", 6_000)))
                .chunks(Integer.getInteger("bench.batch", 2_000)).toList());
    }

    /**
     * The CPU part of a write, no database, one thread: {@link PreparedRecord#prepare} (property map, content hash,
     * references), the same through the JSON-B path it replaced, and prepare plus the ledger entries' canonical
     * bytes, entry hash and Merkle leaf.
     */
    private static void cpuOnly(List<List<LedgerRecord>> chunks) {
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "20"));
        // Before: what PreparedRecord did per record until the direct encoder (JSON-B, RFC 8785, JSON-P re-parse).
        cpuRounds("prepare, JSON-B path (before)", chunks, seconds / 3, chunk -> {
            for (LedgerRecord r : chunk) {
                Map<String, Object> props = new java.util.HashMap<>(JsonBindingOracle.properties(r));
                props.put("contentHash", JsonBindingOracle.contentHash(r));
                References.of(r.type(), props);
            }
        });
        cpuRounds("prepare", chunks, seconds / 3, chunk -> PreparedRecord.prepare(chunk));
        cpuRounds("prepare + entries", chunks, seconds / 3, chunk -> {
            List<PreparedRecord> prepared = PreparedRecord.prepare(chunk);
            String prev = LedgerEntry.GENESIS_HASH;
            Instant at = Instant.now();
            long seq = 0;
            for (PreparedRecord r : prepared) {
                LedgerEntry e = new LedgerEntry(++seq, at, RecordWriter.ACTION_CREATE, r.type().graphName(), r.key(),
                        r.contentHash(), null, SmallPlant.OPERATOR.subject(), SmallPlant.OPERATOR.displayName(),
                        SmallPlant.OPERATOR.roles(), SmallPlant.OPERATOR.clientId(), "bench", "bench#1", prev, 1L);
                byte[] bytes = e.canonicalBytes();
                prev = Sha256.hex(bytes);
                MerkleHash.leaf(bytes);
            }
        });
    }

    private static void cpuRounds(String what, List<List<LedgerRecord>> chunks, double seconds,
                                  Consumer<List<LedgerRecord>> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String load = loadAverage();
        List<double[]> rounds = new ArrayList<>();
        long start = System.nanoTime();
        // Rounds of at most 10,000 records, at least eight of them, so the slow path is warm for its medians too.
        List<List<LedgerRecord>> sample = chunks.subList(0, Math.min(chunks.size(), Math.max(1, 10_000 / chunks.getFirst().size())));
        while (seconds(start) < seconds || rounds.size() < 8) {
            long cpu = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            long n = 0;
            for (List<LedgerRecord> chunk : sample) {
                work.accept(chunk);
                n += chunk.size();
            }
            double wall = seconds(t);
            double onCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            rounds.add(new double[] {n / wall, n / onCpu});
        }
        List<double[]> warm = rounds.subList(rounds.size() / 2, rounds.size());
        print("CPU only, %s: %d rounds over %,d records, warm median %,.0f records/s wall, %,.0f records/s per core "
                        + "(thread CPU time; ≈ %.1f µs/record); load average before %s, after %s", what,
                rounds.size(), sample.stream().mapToInt(List::size).sum(), median(warm, 0), median(warm, 1),
                1e6 / median(warm, 1), load, loadAverage());
    }

    // The properties the write path stores, with ledgerSeq and version as RecordWriter assigns them.
    private static List<PreparedRecord> prepared(List<LedgerRecord> chunk, long[] seq, int counter) {
        List<PreparedRecord> records = PreparedRecord.prepare(chunk);
        for (PreparedRecord r : records) {
            r.properties().put("ledgerSeq", ++seq[counter]);
            if (!r.type().isRelationship()) {
                r.properties().put("version", 1L);
            }
        }
        return records;
    }

    private static void createNodesOnly(GraphDatabase.Tx tx, List<PreparedRecord> records) {
        Map<RecordType, List<Map<String, Object>>> byLabel = new EnumMap<>(RecordType.class);
        for (PreparedRecord r : records) {
            if (!r.type().isRelationship()) {
                byLabel.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.properties());
            }
        }
        byLabel.forEach((type, rows) -> tx.run("UNWIND $rows AS row CREATE (n:" + type.graphName() + ") SET n = row",
                Map.of("rows", rows)).consume());
    }

    /**
     * Prepared records and their ledger entries as neo4j-admin CSV: a file per node label (string ids
     * {@code Label:key}, the anchors), per genealogy type and per reference edge type, and one of entries.
     */
    private static final class CsvExport {
        private final Path dir;
        private final Map<String, java.io.Writer> files = new TreeMap<>();
        private final Map<String, List<String>> headers = new TreeMap<>();
        private long records;
        private long nodes;
        private long relationships;
        private String prev = LedgerEntry.GENESIS_HASH;
        private final Instant at = Instant.parse("2026-11-26T00:00:00Z");

        CsvExport(Path dir) {
            this.dir = dir;
        }

        void add(List<LedgerRecord> chunk) {
            String commit = "import#" + records;
            for (PreparedRecord r : PreparedRecord.prepare(chunk)) {
                long seq = ++records;
                r.properties().put("ledgerSeq", seq);
                String id = r.type().graphName() + ":" + r.key();
                if (r.type().isRelationship()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(":START_ID", end(r, "from"));
                    row.put(":END_ID", end(r, "to"));
                    row.putAll(r.properties());
                    write("rel-" + r.type().graphName(), row);
                    relationships++;
                } else {
                    r.properties().put("version", 1L);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(":ID", id);
                    row.putAll(r.properties());
                    write("node-" + r.type().graphName(), row);
                    nodes++;
                    for (References.Ref ref : r.references()) {
                        Map<String, Object> edge = new LinkedHashMap<>();
                        edge.put(":START_ID", id);
                        edge.put(":END_ID", ref.target().toString());
                        write("rel-" + ref.edge(), edge);
                        relationships++;
                    }
                }
                LedgerEntry e = new LedgerEntry(seq, at, RecordWriter.ACTION_CREATE, r.type().graphName(), r.key(),
                        r.contentHash(), null, SmallPlant.OPERATOR.subject(), SmallPlant.OPERATOR.displayName(),
                        SmallPlant.OPERATOR.roles(), SmallPlant.OPERATOR.clientId(), "import", commit, prev, 1L);
                prev = e.entryHash();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put(":ID", "LedgerEntry:" + seq);
                entry.putAll(org.batchledger.lineage.ledger.StoredEntries.properties(e, prev));
                write("node-LedgerEntry", entry);
            }
        }

        private static String end(PreparedRecord r, String end) {
            return r.references().stream().filter(ref -> ref.edge().equals(end)).findFirst().orElseThrow().target()
                    .toString();
        }

        // The header is fixed by the first row of a file; later rows with other keys go to a new file of their own.
        private void write(String name, Map<String, Object> row) {
            String shape = name + "|" + row.keySet() + "|" + types(row);
            java.io.Writer out = files.get(shape);
            try {
                if (out == null) {
                    String file = name + "-" + files.size() + ".csv";
                    out = Files.newBufferedWriter(dir.resolve(file));
                    files.put(shape, out);
                    headers.put(shape, List.of(name, file));
                    List<String> header = new ArrayList<>();
                    row.forEach((k, v) -> header.add(k.startsWith(":") ? k : k + type(v)));
                    out.write(String.join(",", header) + "\n");
                }
                StringBuilder line = new StringBuilder();
                for (Object v : row.values()) {
                    if (!line.isEmpty()) {
                        line.append(',');
                    }
                    line.append(cell(v));
                }
                out.write(line.append('\n').toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String types(Map<String, Object> row) {
            StringBuilder t = new StringBuilder();
            row.values().forEach(v -> t.append(type(v)).append('/'));
            return t.toString();
        }

        private static String type(Object v) {
            return switch (v) {
                case null -> "";
                case Long l -> ":long";
                case Double d -> ":double";
                case List<?> list -> ":string[]";
                default -> "";
            };
        }

        private static String cell(Object v) {
            return switch (v) {
                case null -> "";
                case Long l -> l.toString();
                case Double d -> d.toString();
                case List<?> list -> quote(list.stream().map(Object::toString).peek(x -> {
                    if (x.contains(";")) {
                        throw new IllegalArgumentException("array element with the delimiter: " + x);
                    }
                }).collect(Collectors.joining(";")));
                default -> quote(v.toString());
            };
        }

        private static String quote(String s) {
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("multi-line value: " + s);
            }
            return '"' + s.replace("\"", "\"\"") + '"';
        }

        /** Closes the files and returns the tool's --nodes / --relationships arguments. */
        List<String> finish() throws IOException {
            List<String> args = new ArrayList<>();
            for (var e : files.entrySet()) {
                e.getValue().close();
                List<String> h = headers.get(e.getKey());
                String name = h.get(0);
                String path = dir.resolve(h.get(1)).toString();
                args.add(name.startsWith("node-") ? "--nodes=" + name.substring(5) + "=" + path
                        : "--relationships=" + name.substring(4) + "=" + path);
            }
            return args;
        }

        long bytes() throws IOException {
            try (var files = Files.list(dir)) {
                return files.mapToLong(f -> f.toFile().length()).sum();
            }
        }
    }

    /** One way of writing the records, with its figures per measured round. */
    private static final class Lane {
        static final int RECORDS_PER_S = 0;
        static final int NODES_PER_S = 1;
        static final int ELEMENTS_PER_S = 2;
        private final String name;
        private final Store store;
        private final Function<List<LedgerRecord>, Runnable> work;
        private final List<double[]> rounds = new ArrayList<>();
        private long records;
        private double seconds;

        Lane(String name, Store store, Function<List<LedgerRecord>, Runnable> work) {
            this.name = name;
            this.store = store;
            this.work = work;
        }

        void run(int round, boolean uncounted, List<List<LedgerRecord>> chunks) {
            String load = loadAverage();
            long nodes0 = store.count("MATCH (n) RETURN count(n)");
            long rels0 = store.count("MATCH ()-[r]->() RETURN count(r)");
            List<Runnable> writes = chunks.stream().map(work).toList();
            long n = chunks.stream().mapToLong(List::size).sum();
            long t = System.nanoTime();
            writes.forEach(Runnable::run);
            double s = seconds(t);
            long nodes = store.count("MATCH (n) RETURN count(n)") - nodes0;
            long rels = store.count("MATCH ()-[r]->() RETURN count(r)") - rels0;
            if (!uncounted) {
                rounds.add(new double[] {n / s, nodes / s, (nodes + rels) / s});
                records += n;
                seconds += s;
            }
            print("round %2d%s %-17s %,6d records in %5.2f s = %,7.0f records/s; %,7d nodes (%,7.0f/s), %,7d "
                            + "relationships, %,7.0f elements/s; load average before %s, after %s", round,
                    uncounted ? " (uncounted)" : "            ", name, n, s, n / s, nodes, nodes / s, rels,
                    (nodes + rels) / s, load, loadAverage());
        }

        double median(int column) {
            return WritePathBenchmark.median(rounds, column);
        }

        void summary() {
            print("SUMMARY %-17s median of %d rounds: %,.0f records/s, %,.0f nodes/s, %,.0f nodes+relationships/s "
                            + "(overall %,d records in %.1f s = %,.0f records/s)", name, rounds.size(),
                    median(RECORDS_PER_S), median(NODES_PER_S), median(ELEMENTS_PER_S), records, seconds,
                    records / seconds);
        }
    }

    /** A fresh embedded Neo4j with the hub's schema migrations applied. */
    private record Store(EmbeddedNeo4j neo4j, Driver driver, GraphDatabase db, long baseNodes)
            implements AutoCloseable {
        static Store start(Path home) {
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
            Driver driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
            GraphDatabase db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            long base = db.read(tx -> tx.run("MATCH (n) RETURN count(n) AS n", Map.of()).single().get("n").asLong());
            return new Store(neo4j, driver, db, base);
        }

        long count(String cypher) {
            return db.read(tx -> tx.run(cypher, Map.of()).single().get(0).asLong());
        }

        String version() {
            return db.read(tx -> tx.run("CALL dbms.components() YIELD name, versions, edition "
                    + "RETURN collect(name + ' ' + versions[0] + ' ' + edition) AS v", Map.of()).single().get("v")
                    .asList().toString());
        }

        @Override
        public void close() {
            driver.close();
            neo4j.close();
        }
    }

    private static String mix(List<List<LedgerRecord>> chunks) {
        Map<String, Long> byType = new TreeMap<>();
        long refs = 0;
        for (List<LedgerRecord> chunk : chunks) {
            for (PreparedRecord r : PreparedRecord.prepare(chunk)) {
                byType.merge(r.type().graphName(), 1L, Long::sum);
                if (!r.type().isRelationship()) {
                    refs += r.references().size();
                }
            }
        }
        Map<String, Long> ordered = byType.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        long relationships = ordered.entrySet().stream()
                .filter(e -> RecordType.ofGraphName(e.getKey()).isRelationship()).mapToLong(Map.Entry::getValue).sum();
        return ordered + String.format("; %,d genealogy relationships, %,d reference edges", relationships, refs);
    }

    private static String machine() {
        String cpu = "n/a";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2))
                    .orElse("n/a");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return String.format("%d cores (%s), %s %s, max heap %,d MB", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[write-path-bench] " + String.format(format, args));
    }
}
