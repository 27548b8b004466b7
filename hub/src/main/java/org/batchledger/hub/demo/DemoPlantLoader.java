package org.batchledger.hub.demo;

import java.time.Clock;
import java.util.List;
import org.batchledger.hub.HubProperties;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.store.GraphDatabase;
import org.batchledger.lineage.workflow.CapaWorkflows;
import org.batchledger.lineage.workflow.ChangeControlWorkflows;
import org.batchledger.lineage.workflow.DeviationWorkflows;
import org.batchledger.lineage.workflow.EquipmentCareWorkflows;
import org.batchledger.lineage.write.BulkLoader;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.synthplant.PlantSize;
import org.batchledger.synthplant.QualityWorkflows;
import org.batchledger.synthplant.SyntheticPlant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads the demo plant before the web server opens, so the first request already sees it. An interrupted load
 * resumes where it stopped (each chunk and each workflow step is idempotent); a graph that holds other data is left
 * alone.
 *
 * <p>Quality records pass through the workflows: the plant's records are written as an MES and a QMS would hand
 * them over (deviations and change controls as raised, cleanings and calibrations since the hub went live as
 * recorded, unverified; older ones as the e-logbook verified them), then
 * {@link DemoWorkflows} takes the steps that bring them to the plant's states, each a signed transition. Plants
 * larger than DEMO (benchmarks) are written in their final states in one pass, which keeps their load a bulk load.
 */
@Component
class DemoPlantLoader implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPlantLoader.class);
    static final int CHUNK = 2_000;

    private final HubProperties.DemoPlant config;
    private final BulkLoader loader;
    private final DemoWorkflows workflows;

    DemoPlantLoader(HubProperties props, GraphDatabase db, RecordWriter writer, DeviationWorkflows deviations,
                    CapaWorkflows capas, ChangeControlWorkflows changes, EquipmentCareWorkflows care,
                    ObjectProvider<Clock> clock) {
        this.config = props.demoPlant();
        this.loader = new BulkLoader(db, writer);
        this.workflows = new DemoWorkflows(deviations, capas, changes, care, clock.getIfAvailable(Clock::systemUTC));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!config.enabled()) {
            return;
        }
        PlantSize size = PlantSize.parse(config.size());
        boolean throughWorkflows = size.batches() <= PlantSize.DEMO.batches();
        String name = "synthplant:seed=" + config.seed() + ":size=" + size.name() + (throughWorkflows ? ":workflows" : "");
        if (!loader.started(name) && !loader.ledgerIsEmpty()) {
            LOG.info("Demo plant not loaded: the graph already holds other records");
            return;
        }
        SyntheticPlant plant = SyntheticPlant.of(config.seed(), size);
        long records = plant.stats().records();
        LOG.info("Loading demo plant {} ({} batches, about {} records)", name, size.batches(), records);
        if (!throughWorkflows) {
            loader.load(name, plant.chunks(CHUNK), Actor.system("synthplant"), "demo plant", records);
            return;
        }
        QualityWorkflows quality = QualityWorkflows.of(size);
        loader.load(name, plant.chunks(CHUNK).map(c -> c.stream().map(quality::asRecorded).toList()),
                Actor.system("synthplant"), "demo plant", records);
        List<QualityWorkflows.Step> steps = quality.steps(plant.records());
        if (steps.isEmpty() || loader.committed(DemoWorkflows.stepKey(name, steps.size() - 1))) {
            return;
        }
        long t0 = System.nanoTime();
        workflows.take(name, steps);
        LOG.info("{}: {} workflow steps taken in {} ms", name, steps.size(), (System.nanoTime() - t0) / 1_000_000);
    }
}
