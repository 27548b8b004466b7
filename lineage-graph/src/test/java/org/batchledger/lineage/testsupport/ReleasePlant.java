package org.batchledger.lineage.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.batchledger.lineage.ledger.Actor;
import org.batchledger.lineage.write.RecordWriter;
import org.batchledger.lineage.write.WriteRequest;
import org.batchledger.schema.json.CanonicalJson;
import org.batchledger.schema.record.Batch;
import org.batchledger.schema.record.Calibration;
import org.batchledger.schema.record.Cleaning;
import org.batchledger.schema.record.Consumption;
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
import org.batchledger.schema.record.Signature.SignatureMeaning;
import org.batchledger.schema.record.StepRecord;
import org.batchledger.schema.record.TestResult;
import org.batchledger.schema.release.ProductSpecification;
import org.batchledger.schema.release.Specifications;

/**
 * A tablet batch that is ready for release, built by hand so each readiness check and exception class can be
 * broken by one change: two released raw lots into a granulation (an intermediate), its granulate into the tablet
 * batch {@value #BATCH} (UNDER_REVIEW), which used a clean, calibrated press, has both step records of its
 * specification, passing Assay and Dissolution results on its lot, performer, reviewer and independent audit-trail
 * review signatures. Signatures written with {@link #signature} sign the content the record has when written.
 */
public final class ReleasePlant {
    public static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");
    public static final Actor OPERATOR = SmallPlant.OPERATOR;
    public static final Actor REVIEWER = new Actor("sub-qa", "Quinn Reviewer", List.of("qa-reviewer"), "ui-client");
    public static final Actor AUDITOR = new Actor("sub-qa2", "Avery Auditor", List.of("qa-reviewer"), "ui-client");
    public static final String PRODUCT = "rp:MAT-TAB";
    public static final String BATCH = "rp:B-TAB";
    public static final String INTERMEDIATE = "rp:B-GRN";
    public static final String LOT_LACTOSE = "rp:LOT-LAC";
    public static final String LOT_API = "rp:LOT-API";
    public static final String LOT_GRANULATE = "rp:LOT-GRN";
    public static final String LOT_TABLETS = "rp:LOT-TAB";
    public static final String PRESS = "rp:EQ-PRESS";

    private final Map<RecordRef, LedgerRecord> records = new LinkedHashMap<>();

    private ReleasePlant() {
    }

    public static Provenance provenance(String locator, Instant eventAt) {
        return new Provenance("mes:test", locator, "operator", eventAt.plusSeconds(60), eventAt);
    }

    /** Product PRODUCT: tests Assay and Dissolution, steps compression then coating. */
    public static Specifications specifications() {
        return new Specifications(List.of(new ProductSpecification(PRODUCT, "3", List.of("Assay", "Dissolution"),
                List.of("compression", "coating"))));
    }

    public static ReleasePlant ready() {
        ReleasePlant p = new ReleasePlant();
        Instant granulated = T0.minus(Duration.ofDays(2));
        p.with(material("rp:MAT-LAC", "Lactose monohydrate", Material.MaterialKind.EXCIPIENT))
                .with(material("rp:MAT-API", "Paracetamol", Material.MaterialKind.API))
                .with(material("rp:MAT-GRN", "Paracetamol granulate", Material.MaterialKind.INTERMEDIATE))
                .with(material(PRODUCT, "Paracetamol 500 mg tablets", Material.MaterialKind.FINISHED_PRODUCT))
                .with(lot(LOT_LACTOSE, "rp:MAT-LAC", Lot.LotStatus.RELEASED))
                .with(lot(LOT_API, "rp:MAT-API", Lot.LotStatus.RELEASED))
                .with(new Batch(INTERMEDIATE, "rp:MAT-GRN", "GRANULATION", Batch.BatchStatus.COMPLETED, "MBR-GRN-2",
                        granulated, granulated.plus(Duration.ofHours(4)), provenance("b/grn", granulated)))
                .with(lot(LOT_GRANULATE, "rp:MAT-GRN", Lot.LotStatus.CONSUMED))
                .with(new Consumption("rp:C-LAC", LOT_LACTOSE, INTERMEDIATE, 120.0, "kg", "charge", granulated,
                        provenance("c/lac", granulated)))
                .with(new Consumption("rp:C-API", LOT_API, INTERMEDIATE, 100.0, "kg", "charge", granulated,
                        provenance("c/api", granulated)))
                .with(new Production("rp:P-GRN", INTERMEDIATE, LOT_GRANULATE, 215.0, "kg", provenance("p/grn", granulated)))
                .with(new Batch(BATCH, PRODUCT, "COMPRESSION", Batch.BatchStatus.UNDER_REVIEW, "MBR-TAB-3", T0,
                        T0.plus(Duration.ofHours(6)), provenance("b/tab", T0)))
                .with(lot(LOT_TABLETS, PRODUCT, Lot.LotStatus.QUARANTINE))
                .with(new Consumption("rp:C-GRN", LOT_GRANULATE, BATCH, 215.0, "kg", "compression",
                        T0.plus(Duration.ofMinutes(30)), provenance("c/grn", T0)))
                .with(new Production("rp:P-TAB", BATCH, LOT_TABLETS, 210.0, "kg", provenance("p/tab", T0)))
                .with(new Equipment(PRESS, "Tablet press", "PRESS", "Suite 3", provenance("e/press", T0)))
                .with(new Cleaning("rp:CL-1", PRESS, "CIP", T0.minus(Duration.ofHours(2)), T0.plus(Duration.ofHours(22)),
                        "Olivia Operator", "Vera Verifier", T0.minus(Duration.ofHours(1)),
                        provenance("cl/1", T0.minus(Duration.ofHours(2)))))
                .with(new Calibration("rp:CAL-1", PRESS, Calibration.CalibrationOutcome.PASS,
                        T0.minus(Duration.ofDays(10)), T0.plus(Duration.ofDays(20)), "Metro Logist", "Vera Verifier",
                        T0.minus(Duration.ofDays(9)), provenance("cal/1", T0.minus(Duration.ofDays(10)))))
                .with(new EquipmentUse("rp:U-1", BATCH, PRESS, "compression", T0.plus(Duration.ofMinutes(30)),
                        T0.plus(Duration.ofHours(6)), provenance("u/1", T0)))
                .with(step("rp:SR-1", "compression", "hardness", "95", "N", T0.plus(Duration.ofHours(1))))
                .with(step("rp:SR-2", "coating", "weight gain", "3.1", "%", T0.plus(Duration.ofHours(5))))
                .with(result("rp:TR-ASSAY", "Assay", "99.8", 95.0, 105.0, TestResult.TestOutcome.PASS))
                .with(result("rp:TR-DISS", "Dissolution", "92", 80.0, null, TestResult.TestOutcome.PASS))
                .with(signature("rp:S-PERF", BATCH, OPERATOR, SignatureMeaning.PERFORMED, T0.plus(Duration.ofHours(6))))
                .with(signature("rp:S-REV", BATCH, REVIEWER, SignatureMeaning.REVIEWED, T0.plus(Duration.ofDays(1))))
                .with(signature("rp:S-ATR", BATCH, AUDITOR, SignatureMeaning.AUDIT_TRAIL_REVIEWED,
                        T0.plus(Duration.ofDays(2))));
        return p;
    }

    /**
     * The ready batch blocked for three reasons a QA reviewer meets daily: a raw lot two levels upstream still in
     * QUARANTINE, an OOS dissolution result on the tablets, and an open deviation on the batch (the README's example).
     */
    public static ReleasePlant blocked() {
        Instant jam = T0.plus(Duration.ofHours(2));
        return ready().with(lot(LOT_API, "rp:MAT-API", Lot.LotStatus.QUARANTINE))
                .with(result("rp:TR-DISS", "Dissolution", "71", 80.0, null, TestResult.TestOutcome.OOS))
                .with(new org.batchledger.schema.record.Deviation("rp:DEV-7", "Tablet press jam during compression",
                        org.batchledger.schema.record.Deviation.Severity.MAJOR,
                        org.batchledger.schema.record.Deviation.DeviationStatus.OPEN,
                        List.of(new RecordRef(RecordType.BATCH, BATCH)), jam, null, provenance("dev/7", jam)));
    }

    /** Adds a record, or replaces the one of the same type and key in place (keeping the write order). */
    public ReleasePlant with(LedgerRecord record) {
        records.put(RecordRef.of(record), record);
        return this;
    }

    public ReleasePlant without(RecordType type, String key) {
        records.remove(new RecordRef(type, key));
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T extends LedgerRecord> T get(RecordType type, String key) {
        return (T) records.get(new RecordRef(type, key));
    }

    /** Writes every record in one request (one ledger entry each, in order), signatures bound to what they sign. */
    public void write(RecordWriter writer) {
        writer.write(WriteRequest.of(bound(), OPERATOR, "release plant"));
    }

    /** The records with each signature's content hash set to the content of the record it signs. */
    public List<LedgerRecord> bound() {
        List<LedgerRecord> out = new ArrayList<>();
        for (LedgerRecord r : records.values()) {
            out.add(r instanceof Signature s && s.signedContentHash() == null ? bind(s, records.get(s.signs())) : r);
        }
        return out;
    }

    public static Signature bind(Signature s, LedgerRecord signed) {
        return new Signature(s.key(), s.signs(), CanonicalJson.contentHash(signed), s.signerSubject(), s.printedName(),
                s.meaning(), s.reason(), s.signedAt(), s.capturedIn(), s.provenance());
    }

    /** A signature whose content hash is bound when written (see {@link #bound()}). */
    public static Signature signature(String key, String batchOrStep, Actor by, SignatureMeaning meaning, Instant at) {
        RecordRef signs = batchOrStep.startsWith("rp:SR") ? new RecordRef(RecordType.STEP_RECORD, batchOrStep)
                : new RecordRef(RecordType.BATCH, batchOrStep);
        return new Signature(key, signs, null, by.subject(), by.displayName(), meaning, meaning.name().toLowerCase(),
                at, null, new Provenance("hub:ui-client", null, by.subject(), at, at));
    }

    public static StepRecord step(String key, String step, String parameter, String value, String unit, Instant at) {
        return new StepRecord(key, BATCH, step, parameter, value, unit, null, null, at, "Olivia Operator",
                provenance("sr/" + key, at));
    }

    public static TestResult result(String key, String test, String value, Double low, Double high,
                                    TestResult.TestOutcome outcome) {
        Instant at = T0.plus(Duration.ofDays(1));
        return new TestResult(key, new RecordRef(RecordType.LOT, LOT_TABLETS), null, test, "USP", value, "%", low,
                high, outcome, at, "Ana Lyst", new Provenance("lims:test", "row/" + key, "lims-adapter",
                at.plusSeconds(300), at));
    }

    public static Lot lot(String key, String materialKey, Lot.LotStatus status) {
        return new Lot(key, materialKey, status, 250.0, "kg", "Supplier", "SUP-" + key, null, provenance("l/" + key, T0));
    }

    private static Material material(String key, String name, Material.MaterialKind kind) {
        return new Material(key, name, kind, "kg", provenance("m/" + key, T0));
    }
}
