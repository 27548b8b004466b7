package org.batchledger.hub.evidence.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.evidence.report.ReportRecord.Field;
import org.batchledger.hub.evidence.report.SignatureManifestation.Withdrawal;

/** Report models as an exporter would fill them: a small realistic batch, and one with many records. */
final class ReportFixtures {
    static final Instant AT = Instant.parse("2026-11-26T14:03:07Z");
    static final byte[] MANIFEST = """
            {"formatVersion":1,"scope":"BATCH","id":"B-2026-0042","files":[{"path":"records.json",\
            "sha256":"%s","mediaType":"application/json"}]}
            """.formatted(hex('a')).getBytes(StandardCharsets.UTF_8);

    private ReportFixtures() {
    }

    static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }

    static EvidenceReport realistic() {
        ReportRecord batch = new ReportRecord("Batch", "B-2026-0042", 1, 101, hex('1'),
                List.of(new Field("product", "Amoxicillin 500 mg capsules"), new Field("status", "RELEASED"),
                        new Field("site", "Plant Nord, Building 4")),
                List.of(new SignatureManifestation("Dr. Hanna Vogel", "hvogel", Instant.parse("2026-11-20T09:15:00Z"),
                        "Batch release (Qualified Person)", "All checks complete", 1, 101, hex('1'), null)),
                List.of(new AuditRow(101, Instant.parse("2026-11-18T07:00:00Z"), "MES import (svc-mes)", "CREATE",
                        null, null, null, null)),
                false);
        ReportRecord corrected = new ReportRecord("QcResult", "QC-7781", 2, 214, hex('2'),
                List.of(new Field("test", "Assay (HPLC)"), new Field("result", "99.2 %"), new Field("limit", "95.0-105.0 %")),
                List.of(new SignatureManifestation("Jonas Becker", "jbecker", Instant.parse("2026-11-19T10:00:00Z"),
                                "QC review", null, 1, 190, hex('3'),
                                new Withdrawal(Instant.parse("2026-11-19T12:30:00Z"), "Jonas Becker (jbecker)",
                                        "Result corrected after transcription error")),
                        new SignatureManifestation("Mira Schulz", "mschulz", Instant.parse("2026-11-19T13:05:00Z"),
                                "QC approval", "Re-reviewed against raw data", 2, 214, hex('2'), null)),
                List.of(new AuditRow(190, Instant.parse("2026-11-19T08:41:00Z"), "LIMS import (svc-lims)", "CREATE",
                                null, null, null, null),
                        new AuditRow(214, Instant.parse("2026-11-19T12:28:00Z"), "Jonas Becker (jbecker)", "CORRECT",
                                "result", "92.9 %", "99.2 %", "Transcription error: chromatogram shows 99.2 %")),
                false);
        ReportRecord lot = new ReportRecord("MaterialLot", "ML-API-0007", 1, 88, hex('4'),
                List.of(new Field("material", "Amoxicillin trihydrate"), new Field("supplier", null)),
                List.of(), List.of(), false);
        return report(List.of(batch, corrected, lot));
    }

    static EvidenceReport report(List<ReportRecord> records) {
        return new EvidenceReport(EvidenceReport.Scope.BATCH, "B-2026-0042", "Amoxicillin 500 mg capsules, lot 0042",
                "batchledger.example/plant-nord", checkpoint(240, '5'), checkpoint(251, '6'), AT,
                "Eva Klein (eklein)", "java -jar batch-ledger-verifier.jar --vkey hub.vkey evidence-B-2026-0042.zip",
                records, new GenealogySummary(4, 3, List.of(
                        new GenealogySummary.Line("MaterialLot", "ML-API-0007", "CONSUMED", 1),
                        new GenealogySummary.Line("MaterialLot", "ML-EXC-0311", "CONSUMED", 1),
                        new GenealogySummary.Line("Batch", "B-2026-0007", "DERIVED_FROM", 2))),
                List.of(new SourceFileLine("batch-0042.b2mml.xml", hex('7'), "application/xml", 48213, true),
                        new SourceFileLine("lims-export-2026-11-19.csv", hex('8'), "text/csv", 9_400_000, false)),
                MANIFEST, "manifest.json");
    }

    static ReportCheckpoint checkpoint(long size, char c) {
        return new ReportCheckpoint(size, hex(c), """
                batchledger.example/plant-nord
                %d
                %s

                \u2014 hub Az3mKx1p0q8=
                \u2014 qa-witness Bq7Yw2k1c9s=
                """.formatted(size, hex(c)));
    }

    /** {@code n} records, every fifth one corrected, every third one signed. */
    static EvidenceReport many(int n) {
        List<ReportRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean corrected = i % 5 == 0;
            List<AuditRow> audit = corrected
                    ? List.of(new AuditRow(i, AT, "Jonas Becker (jbecker)", "CORRECT", "weight", "10.1 kg", "10.4 kg",
                            "Scale recalibrated"))
                    : List.of();
            List<SignatureManifestation> sigs = i % 3 == 0
                    ? List.of(new SignatureManifestation("Mira Schulz", "mschulz", AT, "QC approval", null,
                            corrected ? 2 : 1, 1000L + i, hex('b'), null))
                    : List.of();
            records.add(new ReportRecord("Weighing", "W-" + i, corrected ? 2 : 1, 1000L + i, hex('b'),
                    List.of(new Field("material", "ML-API-" + (i % 50)), new Field("weight", "10.4 kg"),
                            new Field("operator", "op" + (i % 7))),
                    sigs, audit, false));
        }
        return report(records);
    }
}
