package org.batchledger.lineage.release.alcoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.batchledger.lineage.release.alcoa.CleanBatch.NEO4J;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.AsOf;
import org.batchledger.lineage.testsupport.SmallPlant;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.schema.release.Specifications;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules on data they were not written against: a generated plant, loaded the way the demo loads it. Every batch
 * evaluates, and the rules that only a change outside the ledger can violate find nothing there.
 */
@Tag("REQ-RELEASE-001")
@Tag("REQ-RELEASE-021")
class AlcoaOnGeneratedPlantIT {
    private static final Logger LOG = LoggerFactory.getLogger(AlcoaOnGeneratedPlantIT.class);
    private static final List<String> INTEGRITY = List.of("ALCOA-A-001", "ALCOA-L-001", "ALCOA-E-002", "ALCOA-AV-002",
            "ALCOA-T-002");

    @TempDir
    Path keys;

    @Test
    void everyBatchOfAGeneratedPlantEvaluatesAndHonestDataShowsNoTamperFindings() {
        NEO4J.clean();
        new BulkLoader(NEO4J.db(), NEO4J.writer()).load("alcoa:tiny", SyntheticPlant.of(3, PlantSize.TINY)
                .chunks(5_000), Actor.system("test"), "generated plant", 0);
        SmallPlant.checkpoints(NEO4J.db(), keys).latest();
        List<String> batches = NEO4J.db().read(tx -> tx.run("MATCH (b:Batch {version: 1}) RETURN b.key AS k ORDER BY k",
                Map.of()).list(r -> r.get("k").asString()));
        AlcoaEngine engine = new AlcoaEngine(NEO4J.db(), AlcoaRuleSet.shipped(), Specifications.NONE, RawDataStore.UNKNOWN);

        Map<String, Integer> byRule = new TreeMap<>();
        int records = 0;
        for (String batch : batches) {
            AlcoaEvaluation e = engine.evaluate(batch, AsOf.CURRENT);
            records += e.recordsEvaluated();
            e.findings().forEach(f -> byRule.merge(f.rule().id(), 1, Integer::sum));
        }
        LOG.info("{} batches, {} records evaluated, findings by rule: {}", batches.size(), records, byRule);

        assertThat(batches).isNotEmpty();
        assertThat(records).isGreaterThan(batches.size() * 3);
        assertThat(byRule.keySet()).doesNotContainAnyElementsOf(INTEGRITY);
    }
}
