package org.batchledger.lineage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema scripts ({@code neo4j/migrations/V001__name.cypher}), applied in order, each once, each statement
 * in its own transaction, recorded as {@code (:SchemaMigration {version})} once all its statements succeeded.
 * Re-running is harmless: applied versions are skipped and every statement is itself idempotent ({@code IF NOT
 * EXISTS}, or a data change that only touches what it has not changed yet). A data backfill over every record
 * would outgrow the transaction memory of a large graph, so it is written as {@code CALL (n) {...} IN TRANSACTIONS
 * OF $batchSize ROWS}: it commits batch by batch, and if it fails part-way, the next start finishes it. One step is
 * Java, not a script: {@link DataMigration}s found on the class path (the ledger's conversion to tiles).
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final List<String> SCRIPTS = List.of("V001__constraints.cypher", "V002__ledger.cypher",
            "V003__merkle_versions.cypher", "V004__signature_withdrawal.cypher", "V005__ledger_tiles.cypher",
            "V006__pending_references.cypher", "V007__workflow_transition.cypher",
            "V008__disposition.cypher", "V009__exception_disposition_capa.cypher");
    /** Rows per inner transaction of a batched statement ({@code $batchSize}). */
    static final int BATCH_SIZE = 50_000;

    private static final String APPLIED = """
            OPTIONAL MATCH (m:SchemaMigration {version: $version}) RETURN m IS NOT NULL AS applied""";
    private static final String RECORD = """
            MERGE (m:SchemaMigration {version: $version}) ON CREATE SET m.appliedAt = datetime()""";

    private Migrations() {
    }

    public static void apply(GraphDatabase db) {
        apply(db, SCRIPTS, BATCH_SIZE);
    }

    static void apply(GraphDatabase db, List<String> scripts, int batchSize) {
        for (String script : scripts) {
            String version = script.substring(0, script.indexOf("__"));
            boolean applied = db.read(tx -> tx.run(APPLIED, Map.of("version", version)).single().get("applied").asBoolean());
            if (applied) {
                continue;
            }
            // Schema statements may not share a transaction with data writes, so each runs in its own.
            for (String statement : statements(script)) {
                if (statement.contains("IN TRANSACTIONS")) {
                    db.runInBatches(statement, Map.of("batchSize", batchSize));
                } else {
                    db.write(tx -> tx.run(statement, Map.of()).consume());
                }
            }
            db.write(tx -> tx.run(RECORD, Map.of("version", version)).consume());
            LOG.info("Applied graph schema migration {}", script);
        }
        for (DataMigration conversion : ServiceLoader.load(DataMigration.class, Migrations.class.getClassLoader())) {
            if (scripts.contains(conversion.after())) {
                List<String> cleanup = conversion.convert(db, batchSize);
                cleanup.forEach(statement -> db.runInBatches(statement, Map.of("batchSize", batchSize)));
                if (!cleanup.isEmpty()) {
                    conversion.afterCleanup().forEach(statement -> db.write(tx -> tx.run(statement, Map.of()).consume()));
                }
            }
        }
    }

    static List<String> statements(String script) {
        String code = read(script).lines().filter(l -> !l.strip().startsWith("//"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/neo4j/migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the class path: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
