package org.batchledger.hub.demo;

import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.query.PageRequest;
import org.batchledger.lineage.query.RecordFilter;
import org.batchledger.lineage.query.RecordQueries;
import org.batchledger.lineage.synthplant.PlantSize;
import org.batchledger.lineage.synthplant.SyntheticPlant;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo plant through the one write path (ledger entries included) when enabled and the graph holds no
 * batch yet; a graph with data is never touched, so a restart keeps what was there.
 */
@Component
class DemoPlantLoader implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlantLoader.class);
    private final HubProperties props;
    private final RecordQueries records;
    private final RecordWriter writer;

    DemoPlantLoader(HubProperties props, RecordQueries records, RecordWriter writer) {
        this.props = props;
        this.records = records;
        this.writer = writer;
    }

    @Override
    public void run(ApplicationArguments args) {
        HubProperties.DemoPlant demo = props.demoPlant();
        if (!demo.enabled()) {
            return;
        }
        if (!records.page(org.batchledger.schema.record.RecordType.BATCH, RecordFilter.none(), new PageRequest(1, null))
                .items().isEmpty()) {
            LOG.info("Demo plant: the graph already holds batches; not loading");
            return;
        }
        var plant = SyntheticPlant.of(demo.seed(), PlantSize.ofBatches(Math.max(8, demo.batches())));
        new BulkLoader(writer).load("demo-plant:seed=" + demo.seed() + ":batches=" + demo.batches(), plant.chunks(5_000),
                Actor.system("demo-plant"), "demo plant", 0);
    }
}
