package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Material.MaterialKind;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The plant's specifications cover every material it makes, and say what its records really hold. */
@Tag("REQ-RELEASE-042")
class SpecificationsTest {
    private final List<LedgerRecord> demo = Plants.records(3, PlantSize.DEMO);
    private final Specifications specs = SyntheticPlant.specifications();

    @Test
    void everyFinishedProductAndIntermediateHasAVersionedSpecification() {
        var made = Plants.of(demo, Material.class).stream().filter(m -> m.kind() == MaterialKind.FINISHED_PRODUCT
                || m.kind() == MaterialKind.INTERMEDIATE).map(Material::key).toList();

        assertThat(made).hasSize(Catalog.PRODUCTS.size() * 7);
        assertThat(specs.all()).extracting(ProductSpecification::product).containsExactlyInAnyOrderElementsOf(made);
        assertThat(specs.all()).allSatisfy(s -> {
            assertThat(s.version()).isEqualTo(PlantSpecifications.VERSION);
            assertThat(s.steps()).isNotEmpty();
        });
        assertThat(specs.of(Catalog.PRODUCTS.get(0).finishedKey()).orElseThrow().tests())
                .contains(TestPlan.DISSOLUTION, TestPlan.MICROBIAL_COUNT).hasSize(4);
    }

    /** Every batch's product (the finished good) is specified; each lot's tests and each stage's steps match. */
    @Test
    void theRecordsHoldExactlyTheSpecifiedTestsAndSteps() {
        Map<String, Lot> lots = Plants.byKey(demo, Lot.class);
        Map<String, Batch> batches = Plants.byKey(demo, Batch.class);
        Map<String, Set<String>> testsByMaterial = new HashMap<>();
        for (TestResult t : Plants.of(demo, TestResult.class)) {
            String material = t.subject().type() == RecordType.LOT ? lots.get(t.subject().key()).materialKey()
                    : Catalog.PRODUCTS.stream().filter(p -> p.finishedKey().equals(
                            batches.get(t.subject().key()).productKey())).findFirst().orElseThrow()
                    .intermediateKey(Product.Intermediate.CORE);
            testsByMaterial.computeIfAbsent(material, k -> new HashSet<>()).add(t.test());
        }
        for (ProductSpecification s : specs.all()) {
            assertThat(testsByMaterial.getOrDefault(s.product(), Set.of())).as(s.product())
                    .containsExactlyInAnyOrderElementsOf(s.tests());
        }
        for (Batch b : batches.values()) {
            assertThat(specs.of(b.productKey())).as(b.key()).isPresent();
            Stage stage = Stage.ofLabel(b.stage());
            Set<String> steps = new HashSet<>();
            Plants.of(demo, StepRecord.class).stream().filter(s -> s.batchKey().equals(b.key()))
                    .forEach(s -> steps.add(s.step()));
            assertThat(steps).as(b.key()).containsExactlyInAnyOrderElementsOf(StepPlan.stepNames(stage));
        }
    }
}
