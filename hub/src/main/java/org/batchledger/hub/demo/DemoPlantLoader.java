package org.batchledger.hub.demo;

import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.SyntheticPlant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the demo plant before the web server opens, so the first request already sees it. An interrupted load
 * resumes where it stopped (each chunk is idempotent); a graph that holds other data is left alone.
 */
@Component
class DemoPlantLoader implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlantLoader.class);
    static final int CHUNK = 2_000;

    private final HubProperties.DemoPlant config;
    private final BulkLoader loader;

    DemoPlantLoader(HubProperties props, GraphDatabase db, RecordWriter writer) {
        this.config = props.demoPlant();
        this.loader = new BulkLoader(db, writer);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!config.enabled()) {
            return;
        }
        PlantSize size = PlantSize.parse(config.size());
        String name = "synthplant:seed=" + config.seed() + ":size=" + size.name();
        if (!loader.started(name) && !loader.ledgerIsEmpty()) {
            LOG.info("Demo plant not loaded: the graph already holds other records");
            return;
        }
        SyntheticPlant plant = SyntheticPlant.of(config.seed(), size);
        LOG.info("Loading demo plant {} ({} batches, about {} records)", name, size.batches(), plant.stats().records());
        loader.load(name, plant.chunks(CHUNK), Actor.system("synthplant"), "demo plant", plant.stats().records());
    }
}
