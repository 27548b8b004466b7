package org.batchledger.hub.support;

import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.testsupport.Neo4jTestServer;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;

/**
 * A generated plant in the shared test Neo4j, loaded through the real write path. Test classes that need data
 * call {@link #ensureLoaded}; it reloads when another class emptied the graph in between.
 */
public final class DemoData {
    public static final long SEED = 20261124L;
    public static final PlantSize SIZE = PlantSize.ofBatches(96);

    private DemoData() {
    }

    public static synchronized void ensureLoaded() {
        Neo4jTestServer neo4j = Neo4jTestServer.shared();
        BulkLoader loader = new BulkLoader(neo4j.db(), neo4j.writer());
        String name = "synthplant:seed=" + SEED + ":size=" + SIZE.name();
        if (loader.started(name)) {
            return;
        }
        HubTestBase.cleanLedger();
        SyntheticPlant plant = SyntheticPlant.of(SEED, SIZE);
        loader.load(name, plant.chunks(2_000), Actor.system("synthplant"), "test plant", 0);
    }
}
