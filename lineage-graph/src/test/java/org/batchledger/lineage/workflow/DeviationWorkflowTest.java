package org.batchledger.lineage.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.batchledger.lineage.workflow.Workflow.InvalidWorkflowException;
import org.batchledger.schema.record.Deviation.DeviationStatus;
import org.batchledger.schema.record.Deviation.Severity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The deviation workflow is versioned data, checked when read. */
@Tag("REQ-WORKFLOW-002")
class DeviationWorkflowTest {
    @Test
    void theShippedWorkflowOpensInvestigatesAndClosesWithRootCauseAndCapaForMajorAndCritical() {
        DeviationWorkflow w = DeviationWorkflow.defaults();

        assertThat(w.version()).isNotBlank();
        assertThat(w.from(DeviationStatus.OPEN)).containsExactly("START_INVESTIGATION");
        assertThat(w.from(DeviationStatus.UNDER_INVESTIGATION)).containsExactly("REQUIRE_CAPA", "CLOSE");
        assertThat(w.from(DeviationStatus.CAPA_REQUIRED)).containsExactly("CLOSE_WITH_CAPA");
        assertThat(w.transition("START_INVESTIGATION").orElseThrow().classifies()).isTrue();
        assertThat(w.from(DeviationStatus.CLOSED)).isEmpty();
        var close = w.transition("CLOSE").orElseThrow();
        assertThat(close.requiresRootCause()).isTrue();
        assertThat(close.capaRequiredFor()).containsExactlyInAnyOrder(Severity.MAJOR, Severity.CRITICAL);
        assertThat(close.roles()).containsExactly("qa-release");
    }

    @Test
    void anUnknownStateOrRoleIsRefusedNamingItsPointer() {
        assertThatThrownBy(() -> read("{\"name\": \"X\", \"from\": \"OPENED\", \"to\": \"CLOSED\", \"roles\": "
                + "[\"qa-release\"], \"meaning\": \"APPROVED\"}")).isInstanceOf(InvalidWorkflowException.class)
                .hasMessageContaining("/transitions/0/from").hasMessageContaining("OPENED");
        assertThatThrownBy(() -> read("{\"name\": \"X\", \"from\": \"OPEN\", \"to\": \"CLOSED\", \"roles\": "
                + "[\"qa-relase\"], \"meaning\": \"APPROVED\"}")).hasMessageContaining("/transitions/0/roles/0");
    }

    private static DeviationWorkflow read(String transition) {
        return DeviationWorkflow.read(new ByteArrayInputStream(("{\"version\": \"t\", \"workflow\": \"deviation\", "
                + "\"transitions\": [" + transition + "]}").getBytes(StandardCharsets.UTF_8)), "t.json");
    }
}
