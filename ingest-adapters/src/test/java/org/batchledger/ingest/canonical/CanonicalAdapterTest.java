package org.batchledger.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.batchledger.ingest.ContentSample;
import org.batchledger.ingest.IngestFinding;
import org.batchledger.ingest.InvalidSourceException;
import org.batchledger.ingest.LabFixtures;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.TestResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("REQ-INGEST-230")
class CanonicalAdapterTest {
    private final CanonicalAdapter adapter = new CanonicalAdapter();

    private static String envelope(String records) {
        return "{\"format\": \"batchledger-records/1\", \"records\": [" + records + "]}";
    }

    private IngestFinding problem(String json) {
        try {
            LabFixtures.parse(adapter, json, null);
        } catch (InvalidSourceException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().getFirst();
        }
        throw new AssertionError("expected the file to be refused");
    }

    @Test
    void recordsOfEveryKindBindWithNamespacedKeysAndHubProvenance() {
        List<LedgerRecord> rs = LabFixtures.parse(adapter, LabFixtures.document("canonical", "lot-batch-result.json"),
                null).records();
        assertThat(rs).extracting(LedgerRecord::type).containsExactly(RecordType.MATERIAL, RecordType.LOT,
                RecordType.BATCH, RecordType.CONSUMPTION, RecordType.TEST_RESULT);
        Lot lot = (Lot) rs.get(1);
        assertThat(lot.key()).isEqualTo("lab:LOT-1");
        assertThat(lot.materialKey()).isEqualTo("lab:MAT-1");
        assertThat(lot.expiresAt()).isEqualTo(Instant.parse("2027-06-29T22:00:00Z"));
        assertThat(lot.provenance().locator()).isEqualTo("/records/1");
        assertThat(lot.provenance().source()).isEqualTo("file:sha256:test");
        assertThat(lot.provenance().eventAt()).isEqualTo(lot.expiresAt());
        assertThat(((Material) rs.get(0)).provenance().eventAt()).isEqualTo(LabFixtures.RECEIVED);
        assertThat(((Consumption) rs.get(3)).batchKey()).isEqualTo("lab:B-1");
        TestResult r = (TestResult) rs.get(4);
        assertThat(r.subject()).isEqualTo(new RecordRef(RecordType.LOT, "lab:LOT-1"));
        assertThat(r.provenance().eventAt()).isEqualTo(Instant.parse("2026-02-20T09:00:00Z"));
    }

    @Test
    @Tag("REQ-INGEST-231")
    void anUnknownTypeOrMemberIsRefusedWithItsPointer() {
        IngestFinding type = problem(envelope("{\"type\": \"Lot\", \"key\": \"L\"}, {\"type\": \"Widget\", \"key\": \"W\"}"));
        assertThat(type.locator()).isEqualTo("/records/1/type");
        assertThat(type.rule()).isEqualTo("CANONICAL-TYPE");
        IngestFinding member = problem(envelope("{\"type\": \"Lot\", \"key\": \"L\", \"colour\": \"red\"}"));
        assertThat(member.locator()).isEqualTo("/records/0/colour");
        assertThat(member.rule()).isEqualTo("CANONICAL-FIELD");
        assertThat(problem(envelope("{\"type\": \"Lot\", \"key\": \"L\", \"provenance\": {}}")).message())
                .contains("the hub sets provenance");
        assertThat(problem("{\"format\": \"batchledger-records/1\", \"extra\": 1, \"records\": []}").locator())
                .isEqualTo("/extra");
    }

    @Test
    @Tag("REQ-INGEST-231")
    void wrongValuesAreRefusedWithTheirPointerAndRule() {
        assertThat(problem(envelope("{\"type\": \"Lot\", \"key\": \"L\", \"quantity\": \"ten\"}")))
                .extracting(IngestFinding::locator, IngestFinding::rule).containsExactly("/records/0/quantity", "CANONICAL-VALUE");
        assertThat(problem(envelope("{\"type\": \"Lot\", \"key\": \"L\", \"status\": \"GOOD\"}")).locator())
                .isEqualTo("/records/0/status");
        assertThat(problem(envelope("{\"type\": \"Batch\", \"key\": \"B\", \"startedAt\": \"2026-03-01T06:00:00\"}")))
                .extracting(IngestFinding::rule).isEqualTo("CANONICAL-TIME");
        // a produced quantity is required; a consumption may state none (ALCOA-CO-004 reports it)
        assertThat(problem(envelope("{\"type\": \"Production\", \"key\": \"P\", \"lotKey\": \"L\"}")))
                .extracting(IngestFinding::locator, IngestFinding::rule).containsExactly("/records/0/quantity", "CANONICAL-REQUIRED");
        assertThat(problem(envelope("{\"type\": \"Lot\"}")).locator()).isEqualTo("/records/0/key");
        assertThat(problem(envelope("{\"type\": \"Signature\", \"key\": \"S\"}")).rule()).isEqualTo("CANONICAL-SIGNATURE");
        assertThat(problem(envelope("{\"type\": \"SourceFile\", \"key\": \"F\"}")).rule()).isEqualTo("CANONICAL-TYPE");
    }

    @Test
    @Tag("REQ-INGEST-231")
    void aMissingFormatNotJsonAndTruncationAreRefused() {
        assertThat(problem("{\"records\": []}").rule()).isEqualTo("CANONICAL-ENVELOPE");
        assertThat(problem("{\"format\": \"batchledger-records/2\", \"records\": []}").locator()).isEqualTo("/format");
        assertThat(problem("[1, 2").rule()).isIn("CANONICAL-ENVELOPE", "CANONICAL-JSON");
        assertThat(problem(envelope("{\"type\": \"Lot\", \"key\": \"L\"}").substring(0, 60)).rule()).isEqualTo("CANONICAL-JSON");
    }

    @Test
    @Tag("REQ-INGEST-206")
    void sniffsTheEnvelopeFormatOnly() {
        assertThat(adapter.recognises(new ContentSample(envelope("").getBytes(StandardCharsets.UTF_8)))).isEqualTo(80);
        assertThat(adapter.recognises(new ContentSample("{\"records\": []}".getBytes(StandardCharsets.UTF_8)))).isZero();
    }
}
