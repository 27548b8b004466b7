package org.batchledger.synthplant;

import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;
import org.batchledger.synthplant.Product.Intermediate;

/**
 * The plant's product specifications, derived from the same {@link TestPlan} and {@link StepPlan} the generator
 * records from, so they cannot drift apart: per finished product and per intermediate, the tests its lots (or, for
 * compression's in-process controls, its batches) get and the step names its batch records carry.
 */
final class PlantSpecifications {
    /** Version of the specifications, as the master batch records (version 3) they go with. */
    static final String VERSION = "synthplant-3";

    private PlantSpecifications() {
    }

    static Specifications all() {
        List<ProductSpecification> specs = new ArrayList<>();
        for (Product p : Catalog.PRODUCTS) {
            for (Intermediate i : Intermediate.values()) {
                specs.add(spec(p.intermediateKey(i), tests(i), madeBy(i)));
            }
            specs.add(spec(p.finishedKey(), TestPlan.finished(), Stage.PACKAGING));
        }
        return new Specifications(specs);
    }

    private static ProductSpecification spec(String material, List<Measure> tests, Stage stage) {
        return new ProductSpecification(material, VERSION, tests.stream().map(Measure::name).toList(),
                StepPlan.stepNames(stage));
    }

    private static List<Measure> tests(Intermediate intermediate) {
        return switch (intermediate) {
            case KIT, LUB -> List.of();
            case GRAN -> TestPlan.granules();
            case BLEND -> TestPlan.blend();
            case CORE -> TestPlan.compressionIpc();
            case COATED -> TestPlan.coated();
        };
    }

    private static Stage madeBy(Intermediate intermediate) {
        return switch (intermediate) {
            case KIT, LUB -> Stage.DISPENSING;
            case GRAN -> Stage.GRANULATION;
            case BLEND -> Stage.BLENDING;
            case CORE -> Stage.COMPRESSION;
            case COATED -> Stage.COATING;
        };
    }
}
