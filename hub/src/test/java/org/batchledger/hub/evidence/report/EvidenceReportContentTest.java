package org.batchledger.hub.evidence.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.batchledger.hub.evidence.report.ReportRecord.Field;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the report says: manifestations on signed records, change markers with their audit rows, and all of it legible. */
@Tag("REQ-EVIDENCE-003")
class EvidenceReportContentTest {
    private final EvidenceReportRenderer renderer = new EvidenceReportRenderer();

    @Test
    @Tag("REQ-EVIDENCE-033")
    void aCorrectedRecordCarriesTheMarkerAndEveryAuditRowBehindIt() throws Exception {
        byte[] pdf = renderer.render(ReportFixtures.realistic());
        Files.write(Path.of("target", "evidence-report-sample.pdf"), pdf); // to look at; build output only
        String text = ReportText.of(pdf).flat();

        String qc = text.substring(text.indexOf("QcResult QC-7781"), text.indexOf("MaterialLot ML-API-0007 "));
        assertThat(qc).contains("Changed since original entry (now version 2; audit rows: 2)")
                .contains("Audit #190 2026-11-19 08:41:00 UTC LIMS import (svc-lims) CREATE")
                .contains("Audit #214 2026-11-19 12:28:00 UTC Jonas Becker (jbecker) CORRECT result: \"92.9 %\" -> "
                        + "\"99.2 %\" reason: Transcription error: chromatogram shows 99.2 %");
        assertThat(ReportText.of(pdf).count("Changed since original entry")).as("only the corrected record").isEqualTo(1);
    }

    @Test
    @Tag("REQ-EVIDENCE-033")
    void theMarkerFollowsTheVersionAndTheAuditRowsEvenWhenTheExporterSaysUnchanged() throws Exception {
        ReportRecord laterVersionNoRows = new ReportRecord("Batch", "B-1", 3, 5, ReportFixtures.hex('1'),
                List.of(), List.of(), List.of(), false);
        ReportRecord fieldChangedInPlace = new ReportRecord("Batch", "B-2", 1, 6, ReportFixtures.hex('2'),
                List.of(), List.of(), List.of(new AuditRow(6, ReportFixtures.AT, "Jonas Becker (jbecker)", "CORRECT",
                        "status", "HOLD", "RELEASED", "QA decision")), false);
        ReportRecord sameValue = new ReportRecord("Batch", "B-3", 1, 7, ReportFixtures.hex('3'),
                List.of(), List.of(), List.of(new AuditRow(7, ReportFixtures.AT, "svc", "TOUCH", "status", "HOLD",
                        "HOLD", null)), false);

        String text = ReportText.of(renderer.render(ReportFixtures.report(
                List.of(laterVersionNoRows, fieldChangedInPlace, sameValue)))).text();

        assertThat(text).contains("Changed since original entry (now version 3; audit rows: 0)")
                .contains("The package holds no audit rows for this record.")
                .contains("Changed since original entry (now version 1; audit rows: 1)")
                .doesNotContain("audit rows: 1)\nAudit #7");
        assertThat(text.substring(text.indexOf("Batch B-3 "))).doesNotContain("Changed since original entry");
    }

    @Test
    @Tag("REQ-EVIDENCE-032")
    void everySignedRecordShowsItsManifestationsAndTheVersionHashEachSigns() throws Exception {
        String text = ReportText.of(renderer.render(ReportFixtures.realistic())).flat();
        String h1 = ReportFixtures.hex('1');
        String h2 = ReportFixtures.hex('2');
        String h3 = ReportFixtures.hex('3');

        assertThat(text).contains("Signed by Dr. Hanna Vogel (hvogel) on 2026-11-20 09:15:00 UTC, meaning: Batch "
                + "release (Qualified Person), comment: All checks complete");
        assertThat(text).contains("Signs version 1 (ledger entry 101), content SHA-256 " + h1)
                .contains("Signed by Mira Schulz (mschulz) on 2026-11-19 13:05:00 UTC, meaning: QC approval")
                .contains("Signs version 2 (ledger entry 214), content SHA-256 " + h2)
                .contains("Signs version 1 (ledger entry 190), content SHA-256 " + h3 + " (an earlier version: the record has changed "
                        + "since it was signed)");
        assertThat(text).contains("Signed by Jonas Becker (jbecker) on 2026-11-19 10:00:00 UTC, meaning: QC review")
                .contains("WITHDRAWN 2026-11-19 12:30:00 UTC by Jonas Becker (jbecker), reason: Result corrected "
                        + "after transcription error");
        assertThat(ReportText.of(renderer.render(ReportFixtures.realistic())).count("Signed by ")).isEqualTo(3);
        assertThat(ReportText.of(renderer.render(ReportFixtures.realistic())).count("an earlier version")).isEqualTo(1);
    }

    @Test
    @Tag("REQ-EVIDENCE-034")
    void longValuesWrapInsideTheMarginsAndWhatTheFontLacksIsWrittenAsItsCodePoint() throws Exception {
        String unbroken = "x".repeat(1500);
        String words = "word ".repeat(400).strip();
        ReportRecord rec = new ReportRecord("Note", "N-1", 1, 1, ReportFixtures.hex('9'),
                List.of(new Field("blob", unbroken), new Field("prose", words), new Field("label", "Chargen \u4E2D ok")),
                List.of(), List.of(), false);

        ReportText read = ReportText.of(renderer.render(ReportFixtures.report(List.of(rec))));

        assertThat(read.glyphs()).isNotEmpty().allSatisfy(g -> {
            assertThat(g.left()).isGreaterThanOrEqualTo(PageWriter.MARGIN - 4);
            assertThat(g.right()).isLessThanOrEqualTo(g.pageWidth() - PageWriter.MARGIN + 4);
        });
        assertThat(read.joined()).contains("blob: " + unbroken).contains("Chargen [U+4E2D] ok");
        assertThat(read.joined().replace(" ", "")).contains("prose:" + "word".repeat(400));
    }

    @Test
    @Tag("REQ-EVIDENCE-034")
    void manyRecordsFlowOverNumberedPagesWithNothingLost() throws Exception {
        ReportText read = ReportText.of(renderer.render(ReportFixtures.many(300)));

        assertThat(read.pages()).isGreaterThan(10);
        assertThat(read.text()).contains("Page 1 of " + read.pages()).contains("Page " + read.pages() + " of "
                + read.pages());
        assertThat(read.count("Weighing W-")).isEqualTo(300);
        assertThat(read.count("Changed since original entry (now version 2")).isEqualTo(60);
        assertThat(read.count("Signed by Mira Schulz")).isEqualTo(100);
    }

    @Test
    void aPackageWithNothingInItStillSaysWhatItCovers() throws Exception {
        EvidenceReport r = ReportFixtures.report(List.of());
        EvidenceReport empty = new EvidenceReport(EvidenceReport.Scope.RECALL, "R-17", null, r.origin(), r.asOf(),
                r.latest(), r.generatedAt(), r.generatedBy(), r.verifierCommand(), List.of(),
                new GenealogySummary(0, 0, List.of()), List.of(), r.manifestJson(), r.manifestFileName());

        ReportText read = ReportText.of(renderer.render(empty));

        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.flat()).contains("Evidence package report: recall R-17").contains("Records (0)")
                .contains("0 records, 0 of them signed").contains("Source files (0)").contains("Page 1 of 1");
    }

    @Test
    @Tag("REQ-EVIDENCE-035")
    void badInputFailsNamingTheFieldAndWritesNothing() {
        EvidenceReport ok = ReportFixtures.realistic();
        List<ReportRecord> records = new ArrayList<>(ok.records());
        ReportRecord qc = records.get(1);
        List<SignatureManifestation> sigs = new ArrayList<>(qc.signatures());
        SignatureManifestation s = sigs.get(1);
        sigs.set(1, new SignatureManifestation(" ", s.userId(), s.signedAt(), s.meaning(), s.reason(),
                s.recordVersion(), s.signedLedgerSeq(), s.signedRecordHashHex(), null));
        records.set(1, new ReportRecord(qc.type(), qc.key(), qc.version(), qc.ledgerSeq(), qc.contentHashHex(),
                qc.fields(), sigs, qc.audit(), false));

        assertThatThrownBy(() -> renderer.render(ReportFixtures.report(records)))
                .isInstanceOf(ReportInputException.class)
                .hasMessageContaining("/records/1/signatures/1/printedName")
                .extracting(e -> ((ReportInputException) e).pointer())
                .isEqualTo("/records/1/signatures/1/printedName");
        records.set(2, new ReportRecord("MaterialLot", "ML-1", 1, 1, ReportFixtures.hex('A'), List.of(), List.of(),
                List.of(), false));
        records.set(1, qc);
        assertThatThrownBy(() -> renderer.render(ReportFixtures.report(records)))
                .hasMessageStartingWith("/records/2/contentHashHex: a SHA-256 is 64 lower-case hex digits");
    }

    @Test
    @Tag("REQ-EVIDENCE-037")
    void theSameModelGivesTheSameBytes() {
        assertThat(renderer.render(ReportFixtures.realistic())).isEqualTo(renderer.render(ReportFixtures.realistic()));
        EvidenceReport r = ReportFixtures.realistic();
        EvidenceReport later = new EvidenceReport(r.scope(), r.subjectId(), r.subjectLabel(), r.origin(), r.asOf(),
                r.latest(), Instant.parse("2026-11-27T00:00:00Z"), r.generatedBy(), r.verifierCommand(), r.records(),
                r.genealogy(), r.sources(), r.manifestJson(), r.manifestFileName());
        assertThat(renderer.render(later)).isNotEqualTo(renderer.render(r));
    }
}
