package org.batchledger.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.hub.support.GraphQlHttp;
import org.batchledger.hub.support.GraphQlHttp.Response;
import org.batchledger.hub.support.HubTestBase;
import org.batchledger.hub.support.TestTokens;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.synthplant.DesignedBatch;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.QualityWorkflows;
import org.batchledger.synthplant.ReleaseCase;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo plant as the hub loads it at start (a 96-batch plant of the demo's seed, all ten designed release cases):
 * its deviations, CAPAs, change controls, cleanings and calibrations reach their states only through signed workflow
 * transitions (every first version is as raised or recorded), at least one deviation goes through investigation and
 * CAPA_REQUIRED to CLOSED with a CAPA that went through implemented and effectiveness checked to closed, one change
 * control is closed, every cleaning and calibration is verified by a second person, and the release spread is
 * intact: each designed batch gets its designed verdict. The ledger verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("REQ-WORKFLOW-042")
class DemoPlantWorkflowsIT {
    private static final long SEED = 20261124L;
    private static final PlantSize SIZE = PlantSize.ofBatches(96);
    private static final Neo4jTestServer NEO4J = Neo4jTestServer.shared();
    private static final TestTokens TOKENS = TestTokens.shared();
    /** The cleanings and calibrations recorded since the hub went live: those the hub verifies. */
    private static final List<String> LIVE = SyntheticPlant.of(SEED, SIZE).records().filter(r -> switch (r) {
        case Cleaning c -> !c.performedAt().isBefore(QualityWorkflows.of(SIZE).liveSince());
        case Calibration c -> !c.performedAt().isBefore(QualityWorkflows.of(SIZE).liveSince());
        default -> false;
    }).map(LedgerRecord::key).toList();


    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void demoPlant(DynamicPropertyRegistry registry) {
        // the loader leaves a graph holding other records alone: start from an empty one
        HubTestBase.cleanLedger();
        registry.add("batchledger.neo4j.uri", () -> NEO4J.uri().toString());
        registry.add("batchledger.keycloak.issuer", () -> TestTokens.ISSUER);
        registry.add("batchledger.keycloak.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("batchledger.data-dir", () -> HubTestBase.dataDir().toString());
        registry.add("batchledger.demo-plant.enabled", () -> "true");
        registry.add("batchledger.demo-plant.seed", () -> Long.toString(SEED));
        registry.add("batchledger.demo-plant.size", () -> Integer.toString(SIZE.batches()));
    }

    private static Map<String, Long> count(String cypher) {
        Map<String, Long> counts = new HashMap<>();
        NEO4J.db().read(tx -> tx.run(cypher, Map.of("live", LIVE)).list()).forEach(r ->
                counts.put(r.get("k").asString(), r.get("n").asLong()));
        return counts;
    }

    @Test
    void qualityRecordsReachTheirStatesOnlyThroughSignedTransitions() {
        Map<String, Long> taken = count("""
                MATCH (t:WorkflowTransition) RETURN t.workflow + ' ' + t.transition AS k, count(*) AS n""");
        System.out.println("demo plant workflow transitions: " + taken);
        assertThat(taken).containsKeys("deviation START_INVESTIGATION", "deviation REQUIRE_CAPA",
                "deviation CLOSE_WITH_CAPA", "capa IMPLEMENT", "capa CHECK_EFFECTIVENESS", "capa CLOSE",
                "change-control ASSESS", "change-control APPROVE", "change-control IMPLEMENT", "change-control CLOSE",
                "cleaning VERIFY", "calibration VERIFY");

        Map<String, Long> records = count("""
                MATCH (n) WHERE (n:Cleaning OR n:Calibration) AND n.supersededAtSeq IS NULL AND n.key IN $live
                RETURN CASE WHEN n:Cleaning THEN 'Cleaning' ELSE 'Calibration' END
                  + CASE WHEN n.verifiedBy IS NOT NULL AND n.verifiedBy <> n.performedBy
                  AND coalesce(n.version, 1) > 1 THEN ' verified' ELSE ' not' END AS k, count(*) AS n""");
        assertThat(LIVE).hasSizeGreaterThan(5);
        assertThat(records).doesNotContainKeys("Cleaning not", "Calibration not");
        assertThat(records.get("Cleaning verified")).isEqualTo(taken.get("cleaning VERIFY"));
        assertThat(records.get("Calibration verified")).isEqualTo(taken.get("calibration VERIFY"));

        Map<String, Long> firstVersions = count("""
                MATCH (n) WHERE (n:Deviation OR n:ChangeControl OR n:Cleaning OR n:Calibration)
                  AND coalesce(n.version, 1) = 1 AND (n:Deviation OR n:ChangeControl OR n.key IN $live)
                RETURN CASE WHEN n:Deviation THEN 'Deviation' WHEN n:ChangeControl THEN 'ChangeControl'
                  WHEN n:Cleaning THEN 'Cleaning' ELSE 'Calibration' END + ' '
                  + coalesce(n.status, CASE WHEN n.verifiedBy IS NULL THEN 'RECORDED' ELSE 'VERIFIED' END) AS k,
                  count(*) AS n""");
        assertThat(firstVersions.keySet()).as("first versions are as raised or recorded")
                .allMatch(k -> k.endsWith(" OPEN") || k.endsWith(" RECORDED"));

        Map<String, Long> unsigned = count("""
                MATCH (t:WorkflowTransition) WHERE NOT EXISTS { MATCH (s:Signature {key: t.signatureKey}) }
                RETURN t.workflow AS k, count(*) AS n""");
        assertThat(unsigned).as("every transition signed").isEmpty();
        Map<String, Long> signers = count("""
                MATCH (t:WorkflowTransition) RETURN t.workflow + ' by ' + t.recordedBy AS k, count(*) AS n""");
        assertThat(signers.keySet()).as("taken by the plant's people, not by the system")
                .noneMatch(k -> k.contains("system:"));
    }

    @Test
    void capasAndChangeControlsAreClosedAndTheReleaseSpreadIsIntact() {
        String inspector = TOKENS.forUser("inspector", "inspector");
        GraphQlHttp http = new GraphQlHttp(port);
        Response capas = http.post(inspector, "{ capas(first: 100, filter: {status: CLOSED}) { edges { node { key } } } }");
        Response changes = http.post(inspector,
                "{ changeControls(first: 100, filter: {status: CLOSED}) { edges { node { key } } } }");
        assertThat(capas.at("/data/capas/edges").asJsonArray()).as("%s", capas.body()).isNotEmpty();
        assertThat(changes.at("/data/changeControls/edges").asJsonArray()).as("%s", changes.body()).isNotEmpty();

        List<DesignedBatch> designed = SyntheticPlant.of(SEED, SIZE).releaseSpread();
        assertThat(designed).extracting(b -> b.releaseCase().verdict()).contains("READY", "BLOCKED", "INCOMPLETE");
        String reviewer = TOKENS.authenticatedAt(Instant.now(), "reviewer", "qa-reviewer");
        // readiness reads only what a signed checkpoint covers: asking for the checkpoint signs one over the load
        Response checkpoint = http.post(inspector, "{ ledgerCheckpoint { treeSize } }");
        assertThat(checkpoint.hasErrors()).as("%s", checkpoint.body()).isFalse();
        List<String> mismatches = new java.util.ArrayList<>();
        for (DesignedBatch b : designed) {
            Response r = http.post(reviewer, "{ releaseReadiness(batch: \"Batch:" + b.batchKey()
                    + "\") { verdict checks { name status explanation } } }");
            String verdict = r.at("/data/releaseReadiness/verdict").toString().replace("\"", "");
            if (!verdict.equals(b.releaseCase().verdict())) {
                mismatches.add(b.batchKey() + " " + b.releaseCase() + ": " + r.body());
            }
        }
        assertThat(mismatches).as("designed batches without their designed verdict").isEmpty();
        Response verified = http.post(inspector, "{ verifyLedger { ok } }");
        assertThat(verified.at("/data/verifyLedger/ok").toString()).as("%s", verified.body()).isEqualTo("true");
    }
}
