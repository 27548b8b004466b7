package org.batchledger.hub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
import org.batchledger.schema.record.Deviation;
import org.batchledger.schema.record.Equipment;
import org.batchledger.schema.record.EquipmentUse;
import org.batchledger.schema.record.LedgerRecord;
import org.batchledger.schema.record.Lot;
import org.batchledger.schema.record.Material;
import org.batchledger.schema.record.Production;
import org.batchledger.schema.record.Provenance;
import org.batchledger.schema.record.RecordRef;
import org.batchledger.schema.record.RecordType;
import org.batchledger.schema.record.Signature;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.release.ProductSpecification;

/**
 * The release benchmark's batch (issue 10's target case): a packaging batch of about 500 records at the end of a
 * 10-level genealogy. Level 0 is the batch under review; level {@code i} consumes the lot made by level {@code i+1}
 * and an excipient lot of its own; level 9 starts from a raw-material lot. The batch itself carries
 * {@value #STEPS} steps of {@value #PARAMETERS} parameters each, {@value #TESTS} tests on its lot, {@value #CHARGES}
 * charges, {@value #EQUIPMENT} equipment uses (each piece cleaned and calibrated before, both verified by a second
 * person), two closed deviations and
 * the performer's signature. Deterministic: the same records on every run.
 */
final class DeepBatch {
    static final int LEVELS = 10;
    static final int STEPS = 8;
    static final int PARAMETERS = 52;
    static final int TESTS = 40;
    static final int CHARGES = 20;
    static final int EQUIPMENT = 10;
    static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
    static final String TARGET = "deep:B0";
    static final String PRODUCT = "deep:M0";

    private final List<LedgerRecord> masterData = new ArrayList<>();
    private final List<LedgerRecord> upstream = new ArrayList<>();
    private final List<LedgerRecord> target = new ArrayList<>();

    DeepBatch() {
        for (int e = 0; e < EQUIPMENT; e++) {
            String eq = "deep:EQ" + e;
            masterData.add(new Equipment(eq, "Line " + e, "packager", "Room 9", prov(T0.minus(Duration.ofDays(90)))));
            Instant cleaned = T0.minus(Duration.ofDays(30));
            masterData.add(new Cleaning("deep:CL" + e, eq, "CIP", cleaned, T0.plus(Duration.ofDays(5)), "op",
                    "verifier", cleaned.plusSeconds(3600), prov(cleaned)));
            Instant calibrated = T0.minus(Duration.ofDays(40));
            masterData.add(new Calibration("deep:CA" + e, eq, Calibration.CalibrationOutcome.PASS, calibrated,
                    T0.plus(Duration.ofDays(300)), "eng", "verifier", calibrated.plusSeconds(3600),
                    prov(calibrated)));
        }
        masterData.add(new Material("deep:RAW", "Raw material", Material.MaterialKind.RAW_MATERIAL, "kg",
                prov(T0.minus(Duration.ofDays(400)))));
        masterData.add(new Material("deep:EXC", "Excipient", Material.MaterialKind.EXCIPIENT, "kg",
                prov(T0.minus(Duration.ofDays(400)))));
        masterData.add(new Lot("deep:L" + LEVELS, "deep:RAW", Lot.LotStatus.RELEASED, 5000.0, "kg", "Supplier",
                "SUP-1", null, prov(T0.minus(Duration.ofDays(300)))));
        for (int level = LEVELS - 1; level >= 0; level--) {
            batch(level, level == 0 ? target : upstream);
        }
    }

    /** Master data, then the upstream levels, then the batch under review: each list one write. */
    List<List<LedgerRecord>> writes() {
        return List.of(masterData, upstream, target);
    }

    /** The records of the batch under review that ALCOA+ judges at least: its step records and test results. */
    int judgedAtLeast() {
        return STEPS * PARAMETERS + TESTS;
    }

    ProductSpecification specification() {
        List<String> tests = new ArrayList<>();
        for (int t = 0; t < TESTS; t++) {
            tests.add("Test " + t);
        }
        List<String> steps = new ArrayList<>();
        for (int s = 0; s < STEPS; s++) {
            steps.add("step-" + s);
        }
        return new ProductSpecification(PRODUCT, "1", tests, steps);
    }

    private void batch(int level, List<LedgerRecord> out) {
        String b = "deep:B" + level;
        String material = "deep:M" + level;
        String lot = "deep:L" + level;
        Instant start = T0.minus(Duration.ofDays(3L * level));
        Instant end = start.plus(Duration.ofHours(8));
        boolean underReview = level == 0;
        out.add(new Material(material, "Intermediate " + level, underReview ? Material.MaterialKind.FINISHED_PRODUCT
                : Material.MaterialKind.INTERMEDIATE, "kg", prov(start.minus(Duration.ofDays(400)))));
        out.add(new Batch(b, material, underReview ? "PACKAGING" : "STAGE-" + level, Batch.BatchStatus.COMPLETED,
                "MBR-" + level, start, end, prov(start)));
        out.add(new Lot("deep:EL" + level, "deep:EXC", Lot.LotStatus.RELEASED, 900.0, "kg", "Supplier", "EXC-" + level,
                null, prov(start.minus(Duration.ofDays(20)))));
        out.add(new Consumption(b + "/C-up", "deep:L" + (level + 1), b, 100.0, "kg", "charge", start.plusSeconds(600),
                prov(start.plusSeconds(600))));
        out.add(new Consumption(b + "/C-exc", "deep:EL" + level, b, 10.0, "kg", "charge", start.plusSeconds(900),
                prov(start.plusSeconds(900))));
        int charges = underReview ? CHARGES - 2 : 0;
        for (int c = 0; c < charges; c++) {
            String extra = "deep:XL" + c;
            out.add(new Lot(extra, "deep:EXC", Lot.LotStatus.RELEASED, 50.0, "kg", "Supplier", "X-" + c, null,
                    prov(start.minus(Duration.ofDays(10)))));
            out.add(new Consumption(b + "/C" + c, extra, b, 1.0, "kg", "charge", start.plusSeconds(1000 + c),
                    prov(start.plusSeconds(1000 + c))));
        }
        out.add(new Lot(lot, material, underReview ? Lot.LotStatus.QUARANTINE : Lot.LotStatus.RELEASED, 100.0, "kg",
                null, null, null, prov(end)));
        out.add(new Production(b + "/P", b, lot, 100.0, "kg", prov(end)));
        int steps = underReview ? STEPS : 1;
        int parameters = underReview ? PARAMETERS : 5;
        for (int s = 0; s < steps; s++) {
            for (int p = 0; p < parameters; p++) {
                Instant at = start.plusSeconds(1800 + s * 3000L + p * 50L);
                out.add(new StepRecord(b + "/S" + s + "P" + p, b, "step-" + s, "parameter " + p,
                        String.valueOf(40 + (p % 5) * 0.5), "°C", 38.0, 45.0, at, "op", prov(at)));
            }
        }
        int uses = underReview ? EQUIPMENT : 1;
        for (int e = 0; e < uses; e++) {
            out.add(new EquipmentUse(b + "/U" + e, b, "deep:EQ" + e, "step-" + (e % STEPS), start, end, prov(start)));
        }
        int tests = underReview ? TESTS : 3;
        for (int t = 0; t < tests; t++) {
            Instant at = end.plus(Duration.ofHours(4));
            out.add(new TestResult(b + "/T" + t, new RecordRef(RecordType.LOT, lot), null, "Test " + t, "HPLC", "99.1",
                    "%", 95.0, 105.0, TestResult.TestOutcome.PASS, at, "Ana Lyst", prov(at)));
        }
        if (underReview) {
            for (int d = 0; d < 2; d++) {
                out.add(new Deviation(b + "/D" + d, "Label printer stop " + d, Deviation.Severity.MINOR,
                        Deviation.DeviationStatus.CLOSED, List.of(new RecordRef(RecordType.BATCH, b)),
                        start.plusSeconds(3600), start.plusSeconds(7200), Deviation.Classification.EQUIPMENT,
                        List.of(), prov(start.plusSeconds(3600))));
            }
            Batch batch = (Batch) out.stream().filter(r -> r instanceof Batch x && x.key().equals(b)).findFirst()
                    .orElseThrow();
            Instant signedAt = end.plusSeconds(60);
            out.add(signature(b + "/SIG", batch, "sub-op", "Olivia Operator", Signature.SignatureMeaning.PERFORMED,
                    "batch executed", signedAt));
            // reviewed by someone else, so the batch can be READY and every check runs to its end
            out.add(signature(b + "/REV", batch, "sub-qa", "Quinn Reviewer", Signature.SignatureMeaning.REVIEWED,
                    "batch record reviewed", signedAt.plus(Duration.ofHours(20))));
            out.add(signature(b + "/ATR", batch, "sub-qa", "Quinn Reviewer",
                    Signature.SignatureMeaning.AUDIT_TRAIL_REVIEWED, "audit trail reviewed",
                    signedAt.plus(Duration.ofHours(21))));
        }
    }

    private static Signature signature(String key, Batch batch, String subject, String name,
                                       Signature.SignatureMeaning meaning, String reason, Instant at) {
        return new Signature(key, new RecordRef(RecordType.BATCH, batch.key()), CanonicalJson.contentHash(batch),
                subject, name, meaning, reason, at, null, new Provenance("hub:ui", null, subject, at, at));
    }

    /** Entered one minute after the event, from the benchmark's MES. */
    private static Provenance prov(Instant eventAt) {
        return new Provenance("mes:bench", "/batch", "operator", eventAt.plusSeconds(60), eventAt);
    }
}
