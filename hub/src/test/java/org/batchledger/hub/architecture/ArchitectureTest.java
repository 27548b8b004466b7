package org.batchledger.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.store.DataMigration;
import org.batchledger.lineage.store.Migrations;
import org.batchledger.lineage.write.LedgeredWrite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's module arrows, package layout and the store's transaction rule, enforced over the production classes
 * of every module (the hub's test class path holds them all).
 */
@Tag("REQ-VALIDATION-007")
class ArchitectureTest {
    /**
     * Top-level packages of lineage-graph and the hub that features share: the store, the write path, and the hub's
     * GraphQL plumbing, security and demo loader. Every other top-level package is a feature, so a new one (ingest,
     * release, signature, workflow, ...) is held to the feature rules without editing this test.
     */
    private static final Set<String> SHARED = Set.of("store", "write", "api", "security", "demo");
    private static final Pattern TOP_LEVEL = Pattern.compile("org\\.batchledger\\.(?:lineage|hub)\\.([a-z0-9]+)(?:\\..*)?");

    /** A feature is one slice across modules: lineage.genealogy.. and hub.genealogy.. are both "genealogy". */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            // the ledger's "who" is part of the write path's API (every WriteRequest names one): shared, no feature
            if (javaClass.isEquivalentTo(Actor.class)) {
                return SliceIdentifier.ignore();
            }
            Matcher m = TOP_LEVEL.matcher(javaClass.getPackageName());
            return m.matches() && !SHARED.contains(m.group(1)) ? SliceIdentifier.of(m.group(1)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "features (top-level packages of lineage-graph and hub other than " + SHARED + ")";
        }
    };

    /** The one auto-commit door: batched migration statements, which Neo4j runs only in implicit transactions. */
    private static final String BATCHED = "runInBatches";
    private static final String BOOKMARK_WAIT = "awaitBookmarks";
    private static JavaClasses main;

    @BeforeAll
    static void importProductionClasses() {
        main = new ClassFileImporter()
                .withImportOption((Location l) -> !l.contains("/test-classes/") && !l.contains("-tests.jar"))
                .importPackages("org.batchledger");
    }

    @Test
    void schemaKnowsNoNeo4jSpringOrHttp() {
        noClasses().that().resideInAPackage("org.batchledger.schema..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.springframework..",
                        "jakarta.servlet..", "java.net.http..", "graphql..", "org.batchledger.lineage..",
                        "org.batchledger.hub..", "org.batchledger.ingest..")
                .check(main);
    }

    @Test
    void lineageGraphKnowsNoGraphQlHttpOrSpringAndItsMainCodeNoSyntheticPlant() {
        noClasses().that().resideInAPackage("org.batchledger.lineage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "graphql..",
                        "jakarta.servlet..", "java.net.http..", "org.batchledger.hub..", "org.batchledger.ingest..",
                        "org.batchledger.synthplant..")
                .check(main);
    }

    @Test
    void theSyntheticPlantKnowsOnlyTheSchema() {
        noClasses().that().resideInAPackage("org.batchledger.synthplant..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.springframework..",
                        "graphql..", "org.batchledger.lineage..", "org.batchledger.hub..", "org.batchledger.ingest..")
                .check(main);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.batchledger.(**)").should().beFreeOfCycles().check(main);
    }

    /**
     * Features depend on the store, the write path, the schema and shared hub plumbing, never on each other — with
     * two stated arrows: release reads the genealogy (upstream through the traversal, DESIGN.md "Release") and the
     * ledger (entries and checkpoints its evaluations are pinned to), and neither of them knows release; the
     * disposition (lineage.signature) reads release readiness and the upstream genealogy at the ledger's head, and
     * none of them knows signature; the evidence package reads the ledger (entries, proofs, checkpoints) and the
     * upstream genealogy, and neither knows evidence; the workflow API lists its own records (CAPAs) through the
     * record queries every list uses, and the record feature knows no workflow.
     */
    @Test
    void featuresDoNotDependOnEachOther() {
        slices().assignedFrom(FEATURES).should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.batchledger..release.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.batchledger.lineage.genealogy..", "org.batchledger.lineage.ledger.."))
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.batchledger..signature.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.batchledger.lineage.release..", "org.batchledger.lineage.genealogy..",
                                "org.batchledger.lineage.ledger.."))
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.batchledger..evidence.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.batchledger.lineage.genealogy..", "org.batchledger.lineage.ledger.."))
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.batchledger.hub.workflow.."),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "org.batchledger.lineage.record.."))
                .check(main);
    }

    @Test
    void onlyTheEmbeddedPackageAndServerSideProceduresTouchTheNeo4jServerEverythingElseUsesTheDriver() {
        noClasses().that().resideOutsideOfPackages("org.batchledger.lineage.store.embedded..",
                        "org.batchledger.lineage.genealogy.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.graphdb..",
                        "org.neo4j.configuration..", "org.neo4j.kernel..", "org.neo4j.procedure..")
                .check(main);
    }

    @Test
    void ingestAdaptersNeverWriteToTheDatabase() {
        noClasses().that().resideInAPackage("org.batchledger.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.batchledger.lineage..",
                        "org.batchledger.hub..", "org.batchledger.synthplant..")
                .check(main);
    }

    @Test
    void hubControllersReachTheGraphOnlyThroughLineageGraph() {
        noClasses().that().resideInAPackage("org.batchledger.hub..")
                .and().resideOutsideOfPackage("org.batchledger.hub.store..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                .check(main);
    }

    @Test
    void noAutoCommitTransactionsOnlyManagedReadsAndWritesThroughGraphDatabase() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                "Session.run, Session.beginTransaction or Driver.executableQuery (auto-commit or unmanaged), except "
                        + "Session.run in GraphDatabase." + BATCHED + " (CALL ... IN TRANSACTIONS) and the one "
                        + "read-only transaction of GraphDatabase." + BOOKMARK_WAIT + ", which must not be retried (a "
                        + "forged bookmark would hold the request for the driver's whole retry time)", call -> {
                    var owner = call.getTarget().getOwner();
                    String name = call.getTarget().getName();
                    boolean inGraphDatabase = call.getOrigin().getOwner().isEquivalentTo(GraphDatabase.class);
                    boolean batched = inGraphDatabase && call.getOrigin().getName().equals(BATCHED) && name.equals("run");
                    boolean bookmarkWait = inGraphDatabase && call.getOrigin().getName().equals(BOOKMARK_WAIT)
                            && name.equals("beginTransaction");
                    boolean session = owner.isAssignableTo(org.neo4j.driver.Session.class)
                            && (name.equals("run") || name.equals("beginTransaction")) && !batched && !bookmarkWait;
                    boolean executable = owner.isAssignableTo(org.neo4j.driver.Driver.class)
                            && name.equals("executableQuery");
                    return session || executable;
                })).check(main);
        noClasses().that().doNotHaveFullyQualifiedName(Migrations.class.getName())
                .and().doNotHaveFullyQualifiedName(GraphDatabase.class.getName())
                .should().callMethodWhere(DescribedPredicate.describe("GraphDatabase." + BATCHED,
                        call -> call.getTarget().getOwner().isEquivalentTo(GraphDatabase.class)
                                && call.getTarget().getName().equals(BATCHED)))
                .check(main);
        noClasses().that().doNotHaveFullyQualifiedName("org.batchledger.lineage.store.GraphDatabase")
                .should().callMethod(org.neo4j.driver.Driver.class, "session")
                .orShould().callMethod(org.neo4j.driver.Driver.class, "session", org.neo4j.driver.SessionConfig.class)
                .check(main);
    }

    /**
     * The ledgered unit of work is the only code that opens a write transaction; besides it only checkpoint
     * storage, the schema migrations (scripts and the Java data conversions they run) and the embedded store's
     * bootstrap may.
     */
    private static final ArchRule ONLY_THE_UNIT_OF_WORK_WRITES = noClasses()
            .that().doNotHaveFullyQualifiedName(LedgeredWrite.class.getName())
            .and().doNotHaveFullyQualifiedName(Migrations.class.getName())
            .and().doNotImplement(DataMigration.class)
            .and().resideOutsideOfPackages("org.batchledger.lineage.ledger.checkpoint..",
                    "org.batchledger.lineage.store.embedded..")
            .should().callMethod(GraphDatabase.class, "write", Function.class)
            .because("ledgered changes are written only through LedgeredWrite (issue 8)");

    @Test
    void onlyTheLedgeredUnitOfWorkOpensWriteTransactions() {
        ONLY_THE_UNIT_OF_WORK_WRITES.check(main);
    }

    @Test
    void aClassThatWritesBesideTheUnitOfWorkFailsTheRule() {
        JavaClasses rogue = new ClassFileImporter().importClasses(RogueWriter.class);

        assertThatThrownBy(() -> ONLY_THE_UNIT_OF_WORK_WRITES.check(rogue))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(RogueWriter.class.getName())
                .hasMessageContaining("GraphDatabase.write");
    }

    /** Writes around the unit of work: the rule must name it. */
    static final class RogueWriter {
        void write(GraphDatabase db) {
            db.write(tx -> tx.run("CREATE (:Batch {key: 'forged'})", java.util.Map.of()).consume());
        }
    }
}
