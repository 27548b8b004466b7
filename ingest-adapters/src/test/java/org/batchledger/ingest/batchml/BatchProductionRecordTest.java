package org.batchledger.ingest.batchml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.time.Instant;
import org.batchledger.ingest.Adapters;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.b2mml.IngestRun;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** BatchML V0401 and V0700 batch production records → batch, recipe steps, events, comments, source signatures. */
@Tag("REQ-INGEST-120")
class BatchProductionRecordTest {
    private final BatchMlAdapter adapter = new BatchMlAdapter();

    @Test
    @Tag("REQ-INGEST-121")
    @Tag("REQ-INGEST-126")
    void theControlRecipeHierarchyBecomesStepRecordsNamedByTheirPathWithValuesUnitsAndLimits() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("batchml/batch-production-record-v0401.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b).extracting(Batch::key, Batch::productKey, Batch::status)
                .containsExactly("plant-a:B2604-12", "plant-a:PARA500-GRAN", Batch.BatchStatus.COMPLETED);
        assertThat(run.all(StepRecord.class))
                .filteredOn(s -> s.provenance().locator().contains("ControlRecipe"))
                .extracting(StepRecord::step, StepRecord::parameter, StepRecord::value, StepRecord::unit,
                        StepRecord::lowerLimit, StepRecord::upperLimit)
                .containsExactly(
                        tuple("PARA500-GRAN-CR", "BatchSize", "300", "kg", null, null),
                        tuple("PARA500-GRAN-CR/GRAN/WETMIX/CHARGE", "Paracetamol", "250.0", "kg", null, null),
                        tuple("PARA500-GRAN-CR/GRAN/WETMIX/CHARGE", "ImpellerSpeed", "250", "rpm", 200.0, 300.0),
                        tuple("PARA500-GRAN-CR/GRAN/WETMIX/CHARGE", "PhaseDuration", "PT14M", null, null, null));
        assertThat(run.all(StepRecord.class)).filteredOn(s -> s.parameter().equals("BatchSize"))
                .extracting(StepRecord::executedAt).containsExactly(Instant.parse("2026-04-12T04:00:00Z"));
        assertThat(run.all(EquipmentUse.class)).extracting(EquipmentUse::equipmentKey, EquipmentUse::step)
                .containsExactly(tuple("plant-a:GRAN-02", "PARA500-GRAN-CR/GRAN"),
                        tuple("plant-a:GRAN-02", "GRAN/WETMIX/CHARGE"));
        assertThat(run.rules()).contains("BATCHML-EXTENSION", "BATCHML-MATERIAL", "BATCHML-STEP-TIME");
    }

    @Test
    @Tag("REQ-INGEST-122")
    void eventsAndCommentsKeepTheirTimeWhoAndPlace() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("batchml/batch-production-record-v0401.xml"), false);

        assertThat(run.all(StepRecord.class))
                .filteredOn(s -> !s.provenance().locator().contains("ControlRecipe"))
                .extracting(StepRecord::key, StepRecord::step, StepRecord::parameter, StepRecord::value,
                        StepRecord::executedAt, StepRecord::performedBy)
                .containsExactly(
                        tuple("plant-a:B2604-12/comment/C-1", "GRAN/CHARGE", "Comment",
                                "Binder solution prepared 10 min late; within hold time.",
                                Instant.parse("2026-04-12T05:12:00Z"), "jdupont"),
                        tuple("plant-a:B2604-12/event/E-101", "GRAN/WETMIX/CHARGE", "Procedural Execution/State Change",
                                "Running", Instant.parse("2026-04-12T05:00:00Z"), "jdupont"),
                        tuple("plant-a:B2604-12/event/E-102", "GRAN/WETMIX/CHARGE", "Operator/Prompt Response",
                                "Granule end point reached", Instant.parse("2026-04-12T05:14:00Z"), "jdupont"));
    }

    @Test
    @Tag("REQ-INGEST-123")
    void personnelIdentificationsAreSignaturesCapturedInTheSourceOverTheBatchAsImported() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("batchml/batch-production-record-v0401.xml"), false);
        Batch b = run.all(Batch.class).getFirst();

        assertThat(run.all(Signature.class))
                .extracting(Signature::printedName, Signature::meaning, Signature::reason, Signature::signedAt)
                .containsExactly(
                        tuple("jdupont", SignatureMeaning.PERFORMED, null, Instant.parse("2026-04-12T05:15:00Z")),
                        tuple("mmartin", SignatureMeaning.VERIFIED, "Second-person verification of end point",
                                Instant.parse("2026-04-12T05:20:00Z")),
                        tuple("qa.lefevre", SignatureMeaning.REVIEWED, "Batch record review complete",
                                Instant.parse("2026-04-13T08:30:00Z")));
        assertThat(run.all(Signature.class)).allSatisfy(s -> {
            assertThat(s.capturedIn()).isEqualTo("file:sha256:test");
            assertThat(s.signs().type()).isEqualTo(RecordType.BATCH);
            assertThat(s.signs().key()).isEqualTo(b.key());
            assertThat(s.signedContentHash()).isEqualTo(CanonicalJson.contentHash(b));
        });
        assertThat(run.rules()).contains("STATUS-MAPPED", "BATCHML-SIGNATURE-ENTRY");
    }

    @Test
    @Tag("REQ-INGEST-124")
    void aV0700RecordInASyncWrapperGivesStepsSignaturesPerNameAndSampleResults() {
        IngestRun run = IngestRun.file(adapter, IngestRun.resource("batchml/batch-production-record-v0700.xml"), false);

        Batch b = run.all(Batch.class).getFirst();
        assertThat(b.status()).isEqualTo(Batch.BatchStatus.RELEASED);
        assertThat(b.provenance().eventAt()).isEqualTo(Instant.parse("2026-06-02T06:45:00Z"));
        assertThat(run.all(StepRecord.class))
                .extracting(StepRecord::step, StepRecord::parameter, StepRecord::value, StepRecord::lowerLimit,
                        StepRecord::upperLimit)
                .contains(tuple("IBU200-CR/TABLETING/COMPRESS/RUN/PRESS", "MainCompressionForce", "14.2", 12.0, 16.0),
                        tuple("TABLETING/COMPRESS/RUN/PRESS", "Alarm/Process", "17.1", null, null),
                        tuple("TABLETING/COMPRESS/RUN/PRESS", "Alarm/Process/AlarmAck", "rsingh", null, null),
                        tuple("COMPRESS", "Comment", "Tooling changed after 400k tablets.\nChecked by maintenance.",
                                null, null));
        assertThat(run.all(Signature.class)).extracting(Signature::key, Signature::printedName, Signature::meaning)
                .containsExactly(tuple("plant-a:B2606-01/signature/S-10/1", "qa.osei", SignatureMeaning.APPROVED),
                        tuple("plant-a:B2606-01/signature/S-10/2", "qp.novak", SignatureMeaning.APPROVED));
        TestResult t = run.all(TestResult.class).getFirst();
        assertThat(t).extracting(TestResult::sampleId, TestResult::test, TestResult::method, TestResult::value,
                TestResult::unit, TestResult::outcome, TestResult::testedAt)
                .containsExactly("SMP-1", "Hardness", "IPC-HARD-01", "112", "N", TestResult.TestOutcome.PASS,
                        Instant.parse("2026-06-01T10:20:00Z"));
        assertThat(t.subject().key()).isEqualTo("plant-a:B2606-01");
        assertThat(run.all(StepRecord.class).getFirst().provenance().locator())
                .startsWith("/SyncBatchProductionRecord/DataArea[1]/BatchProductionRecord[1]/Comments[1]/Comment[1]");
    }

    @Test
    @Tag("REQ-INGEST-105")
    void batchMlAndB2mmlAreToldApartByTheRootElementThoughTheyShareANamespace() throws Exception {
        Adapters adapters = Adapters.installed();
        byte[] bpr = Files.readAllBytes(IngestRun.resource("batchml/batch-production-record-v0700.xml"));
        byte[] perf = Files.readAllBytes(IngestRun.resource("b2mml/operations-performance-v0700.xml"));
        assertThat(adapters.choose(null, new ContentSample(bpr)).name()).isEqualTo("batchml");
        assertThat(adapters.choose(null, new ContentSample(perf)).name()).isEqualTo("b2mml");
    }
}
