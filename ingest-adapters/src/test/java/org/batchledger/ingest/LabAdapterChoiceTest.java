package org.batchledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchledger.ingest.animl.AnimlAdapter;
import org.batchledger.ingest.asm.AsmAdapter;
import org.batchledger.ingest.canonical.CanonicalAdapter;
import org.batchledger.ingest.lims.LimsCsvAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lab adapters are installed and chosen by content, never by the file name. */
@Tag("REQ-INGEST-206")
class LabAdapterChoiceTest {

    @Test
    void theFourLabAdaptersAreInstalledUnderTheirNames() {
        assertThat(Adapters.installed().all()).extracting(IngestAdapter::name)
                .contains("lims-csv", "asm", "animl", "canonical");
    }

    @Test
    void eachRealSampleIsChosenByItsContent() {
        Adapters lab = new Adapters(List.of(new LimsCsvAdapter(), new AsmAdapter(), new AnimlAdapter(),
                new CanonicalAdapter()));
        assertThat(lab.choose(null, LabFixtures.sample(LabFixtures.document("asm", "thermo_fisher_qubit4_example_1.json")))
                .name()).isEqualTo("asm");
        assertThat(lab.choose(null, LabFixtures.sample(LabFixtures.document("asm", "SampleResults2022-06-28_142558.csv")))
                .name()).isEqualTo("lims-csv");
        assertThat(lab.choose(null, LabFixtures.sample(LabFixtures.document("animl", "animl_0.90.xml"))).name())
                .isEqualTo("animl");
        assertThat(lab.choose(null, LabFixtures.sample(LabFixtures.document("canonical", "lot-batch-result.json")))
                .name()).isEqualTo("canonical");
        assertThat(lab.choose(null, LabFixtures.sample(LabFixtures.document("lims", "default-layout.csv"))).name())
                .isEqualTo("lims-csv");
    }
}
