package org.batchledger.synthplant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.ChangeControl;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.RecordType;
import org.batchledger.synthplant.QualityWorkflows.OpenCapa;
import org.batchledger.synthplant.QualityWorkflows.Take;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The demo plant's quality records as first recorded and the steps that bring them to the plant's states: records
 * reset to where their workflows start, every other record unchanged, and steps that the workflow data allows (the
 * right roles, a second person for each check, a CAPA before a closing that needs one).
 */
@Tag("REQ-WORKFLOW-042")
class QualityWorkflowsTest {
    private final List<LedgerRecord> demo = Plants.records(20261124L, PlantSize.DEMO);
    private final QualityWorkflows quality = QualityWorkflows.of(PlantSize.DEMO);
    private final List<QualityWorkflows.Step> steps = quality.steps(demo.stream());

    @Test
    void qualityRecordsAreRecordedWhereTheirWorkflowsStartAndEveryOtherRecordAsItIs() {
        for (LedgerRecord r : demo) {
            LedgerRecord recorded = quality.asRecorded(r);
            switch (recorded) {
                case Deviation d -> assertThat(d.status()).isEqualTo(DeviationStatus.OPEN);
                case ChangeControl c -> assertThat(c.status()).isEqualTo(ChangeControl.ChangeStatus.OPEN);
                case Cleaning c when !c.performedAt().isBefore(quality.liveSince()) ->
                        assertThat(c.verifiedBy()).isNull();
                case Calibration c when !c.performedAt().isBefore(quality.liveSince()) ->
                        assertThat(c.verifiedBy()).isNull();
                default -> assertThat(recorded).isSameAs(r);
            }
            assertThat(recorded.key()).isEqualTo(r.key());
        }
    }

    @Test
    void everyCheckIsTakenByASecondPersonInARoleTheWorkflowAllows() {
        Map<String, String> performers = demo.stream().filter(r -> r instanceof Cleaning c
                        && !c.performedAt().isBefore(quality.liveSince()) || r instanceof Calibration k
                        && !k.performedAt().isBefore(quality.liveSince()))
                .collect(Collectors.toMap(LedgerRecord::key, r -> r instanceof Cleaning c ? c.performedBy()
                        : ((Calibration) r).performedBy()));
        List<Take> verifications = steps.stream().filter(s -> s instanceof Take t && t.transition().equals("VERIFY"))
                .map(Take.class::cast).toList();

        assertThat(verifications).hasSize(performers.size()).hasSizeGreaterThan(10);
        assertThat(verifications).allSatisfy(v -> {
            assertThat(v.by().username()).isNotEqualTo(performers.get(v.key()));
            assertThat(v.by().role()).isEqualTo("operator");
        });
        assertThat(steps).filteredOn(s -> s instanceof Take t && t.transition().startsWith("CLOSE"))
                .allSatisfy(s -> assertThat(((Take) s).by().role()).isEqualTo("qa-release"));
    }

    @Test
    void aDeviationIsClosedWithACapaThatWentThroughItsWholeWorkflowAndAChangeIsClosed() {
        OpenCapa open = steps.stream().filter(s -> s instanceof OpenCapa).map(OpenCapa.class::cast).findFirst()
                .orElseThrow();
        List<String> path = steps.stream().filter(s -> s instanceof Take t && t.key().equals(open.deviationKey()))
                .map(s -> ((Take) s).type() + " " + ((Take) s).transition()).toList();

        assertThat(path).containsExactly("DEVIATION START_INVESTIGATION", "DEVIATION REQUIRE_CAPA", "CAPA IMPLEMENT",
                "CAPA CHECK_EFFECTIVENESS", "CAPA CLOSE", "DEVIATION CLOSE_WITH_CAPA");
        assertThat(steps).filteredOn(s -> s instanceof Take t && t.type() == RecordType.CHANGE_CONTROL)
                .extracting(s -> ((Take) s).transition()).containsSubsequence("ASSESS", "APPROVE", "IMPLEMENT", "CLOSE");
        assertThat(QualityWorkflows.of(PlantSize.DEMO).steps(demo.stream())).as("deterministic").isEqualTo(steps);
    }
}
