package org.batchledger.lineage.genealogy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.batchledger.lineage.genealogy.GenealogyTraversal;
import org.batchledger.lineage.genealogy.Reconverging;
import org.batchledger.lineage.genealogy.TraceDirection;
import org.batchledger.lineage.genealogy.TraceLimits;
import org.batchledger.lineage.genealogy.TraceResult;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.ledger.LedgerAppender;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.store.embedded.EmbeddedNeo4j;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;

/**
 * The trace procedure's plugin jar (built by this module's package phase): self-contained, and loaded by a Neo4j
 * server from its plugins directory alone, as an external server, a cluster member or the Testcontainers Neo4j
 * loads it.
 */
@Tag("REQ-RELIABILITY-012")
class Neo4jPluginJarIT {
    /** What a Neo4j server provides to a plugin: the JDK, its procedure API and its graph API. */
    private static final Set<String> SERVER_PROVIDED = Set.of("java.", "javax.", "org.neo4j.procedure.",
            "org.neo4j.graphdb.", "org.neo4j.logging.", "jakarta.json.bind.annotation.");

    @Test
    void everyClassTheJarUsesIsInTheJarOrProvidedByTheServer() throws Exception {
        Path jar = Neo4jTestServer.pluginJar().orElseThrow(() -> new AssertionError("no *-neo4j-plugin.jar under "
                + "target/: run the package phase"));
        JavaClasses classes;
        try (JarFile file = new JarFile(jar.toFile())) {
            classes = new ClassFileImporter().importJar(file);
        }
        Set<String> inJar = classes.stream().map(JavaClass::getName).collect(Collectors.toSet());
        assertThat(inJar).contains(TraceProcedure.class.getName());

        Set<String> missing = new TreeSet<>();
        for (JavaClass c : classes) {
            c.getDirectDependenciesFromSelf().forEach(d -> {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                String name = target.getName();
                if (!target.isPrimitive() && !inJar.contains(name)
                        && SERVER_PROVIDED.stream().noneMatch(name::startsWith)) {
                    missing.add(c.getName() + " -> " + name);
                }
            });
        }
        assertThat(missing).as("classes the plugin uses that neither it nor the server has").isEmpty();
    }

    @Test
    void aServerWithOnlyTheJarInItsPluginsDirectoryAnswersTheTraceInOneCall(@TempDir Path home) throws Exception {
        Path jar = Neo4jTestServer.pluginJar().orElseThrow();
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(jar, home.resolve("plugins").resolve(jar.getFileName()));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0, false);
             var driver = org.neo4j.driver.GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            var db = new GraphDatabase(driver, "neo4j");
            Migrations.apply(db);
            new RecordWriter(db, new LedgerAppender(Clock.systemUTC())).write(
                    new WriteRequest(Reconverging.ladder("pj:", 3, 3), Actor.system("test"), "ladder", "pj"));
            try (var session = driver.session()) {
                assertThat(session.run("SHOW PROCEDURES YIELD name WHERE name = $n RETURN count(*) AS n",
                        java.util.Map.of("n", GenealogyTraversal.PROCEDURE)).single().get("n").asLong()).isOne();
            }
            var start = new RecordRef(RecordType.LOT, "pj:L0");
            var limits = TraceLimits.of(50, 1_000_000);
            var traversal = new GenealogyTraversal(db);
            TraceResult viaPlugin = traversal.trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow();

            assertThat(viaPlugin).isEqualTo(GenealogyTraversal.hopByHop(db)
                    .trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow());
            long before = db.roundTrips();
            traversal.trace(start, TraceDirection.DOWNSTREAM, limits).orElseThrow();
            assertThat(db.roundTrips() - before).isOne();
        }
    }
}
