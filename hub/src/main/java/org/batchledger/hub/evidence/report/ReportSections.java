package org.batchledger.hub.evidence.report;

import java.awt.Color;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.batchledger.hub.evidence.report.PageWriter.Style;

/** The report's text, section by section, in the order an inspector reads it. */
final class ReportSections {
    static final String CHANGED = "Changed since original entry";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Color INK = Color.BLACK;
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color RED = new Color(0x9b, 0x11, 0x11);
    private static final Color RED_BAND = new Color(0xfb, 0xe3, 0xe3);
    private static final Color BLUE = new Color(0x0b, 0x3d, 0x91);
    static final Style TITLE = new Style(16, 0, 0, true, INK, null);
    static final Style H1 = new Style(12.5f, 0, 0, true, INK, null);
    static final Style H2 = new Style(10, 0, 12, true, INK, null);
    static final Style BODY = new Style(8.5f, 0, 12, false, INK, null);
    static final Style SMALL = new Style(7.5f, 0, 12, false, GREY, null);
    static final Style NOTE = new Style(7.5f, 0, 0, false, GREY, null);
    static final Style MARKER = new Style(9, 8, 12, true, RED, RED_BAND);
    static final Style SIGNED = new Style(8.5f, 8, 12, false, BLUE, null);
    static final Style SIGNED_WITHDRAWN = new Style(8.5f, 8, 12, false, GREY, null);

    private final PageWriter w;
    private final String manifestSha256;

    ReportSections(PageWriter w, String manifestSha256) {
        this.w = w;
        this.manifestSha256 = manifestSha256;
    }

    static String utc(Instant t) {
        return t == null ? "(no time)" : UTC.format(t);
    }

    static String title(EvidenceReport r) {
        return "Evidence package report: " + (r.scope() == EvidenceReport.Scope.BATCH ? "batch " : "recall ")
                + r.subjectId();
    }

    void write(EvidenceReport r) throws IOException {
        cover(r);
        records(r.records());
        genealogy(r.genealogy());
        sources(r.sources());
    }

    private void cover(EvidenceReport r) throws IOException {
        w.text(title(r), TITLE);
        if (r.subjectLabel() != null && !r.subjectLabel().isBlank()) {
            w.text(r.subjectLabel(), H2);
        }
        w.gap(6);
        w.text("Generated " + utc(r.generatedAt()) + " by " + r.generatedBy() + ".", BODY);
        w.text("Log origin: " + r.origin(), BODY);
        w.text("This report is the human-readable view of the package. The machine-verifiable evidence is the "
                + "package itself. The manifest this report was rendered from is attached to this PDF as an "
                + "associated file: " + r.manifestFileName() + ", SHA-256 " + manifestSha256 + ".", BODY);
        w.text("Verify the package offline with: " + r.verifierCommand(), BODY);
        checkpoint("As-of checkpoint (the inclusion proofs are against this one)", r.asOf());
        checkpoint("Latest checkpoint (the consistency proof runs to this one)", r.latest());
        heading("Summary");
        List<ReportRecord> rs = r.records();
        long signed = rs.stream().filter(x -> !x.signatures().isEmpty()).count();
        long changed = rs.stream().filter(ReportRecord::showsChangeMarker).count();
        long sigs = rs.stream().mapToLong(x -> x.signatures().size()).sum();
        long withdrawn = rs.stream().flatMap(x -> x.signatures().stream())
                .filter(SignatureManifestation::withdrawn).count();
        long audit = rs.stream().mapToLong(x -> x.audit().size()).sum();
        w.text(rs.size() + " records, " + signed + " of them signed (" + sigs + " signatures, " + withdrawn
                + " withdrawn), " + changed + " changed since original entry, " + audit + " audit rows.", BODY);
        w.text("Genealogy: " + r.genealogy().nodes() + " nodes, " + r.genealogy().edges() + " edges. Source files: "
                + r.sources().size() + ".", BODY);
        if (r.genealogy().downstream()) {
            w.text("Recall: " + r.genealogy().affected().stream().filter(a -> a.id().startsWith("Batch:")).count()
                    + " batches and " + r.genealogy().affected().stream().filter(a -> !a.id().startsWith("Batch:"))
                    .count() + " lots affected downstream of " + r.subjectId() + " (listed after the records).",
                    BODY);
        }
    }

    private void checkpoint(String label, ReportCheckpoint c) throws IOException {
        w.gap(4);
        w.keep(5 * PageWriter.lineHeight(BODY));
        w.text(label, H2);
        w.text("Tree size " + c.size() + ", root " + c.rootHex(), BODY.indented(8));
        w.text(c.noteText().strip(), NOTE.indented(8));
    }

    private void heading(String s) throws IOException {
        w.gap(8);
        w.keep(PageWriter.lineHeight(H1) + 3 * PageWriter.lineHeight(BODY));
        w.text(s, H1);
        w.gap(2);
    }

    private void records(List<ReportRecord> records) throws IOException {
        heading("Records (" + records.size() + ")");
        for (ReportRecord rec : records) {
            record(rec);
        }
    }

    private void record(ReportRecord rec) throws IOException {
        w.gap(5);
        w.keep(PageWriter.lineHeight(H2) + 2 * PageWriter.lineHeight(BODY));
        w.text(rec.type() + " " + rec.key() + "  (version " + rec.version() + ", ledger entry " + rec.ledgerSeq()
                + ")", H2);
        w.text("Content SHA-256 " + rec.contentHashHex(), SMALL.indented(8));
        for (ReportRecord.Field f : rec.fields()) {
            w.text(f.name() + ": " + (f.value() == null ? "(none)" : f.value()), BODY.indented(8));
        }
        if (rec.showsChangeMarker()) {
            changes(rec);
        }
        for (SignatureManifestation s : rec.signatures()) {
            signature(rec, s);
        }
    }

    /** Annex 11 §8.2: the marker, then every audit row behind it (or a plain word that the package holds none). */
    private void changes(ReportRecord rec) throws IOException {
        w.keep(PageWriter.lineHeight(MARKER) + PageWriter.lineHeight(BODY));
        w.text(CHANGED + " (now version " + rec.version() + "; audit rows: " + rec.audit().size() + ")", MARKER);
        if (rec.audit().isEmpty()) {
            w.text("The package holds no audit rows for this record.", BODY.indented(16));
        }
        for (AuditRow a : rec.audit()) {
            w.text(auditLine(a), BODY.indented(16));
        }
    }

    static String auditLine(AuditRow a) {
        StringBuilder b = new StringBuilder("Audit #").append(a.seq()).append("  ").append(utc(a.at())).append("  ")
                .append(a.who()).append("  ").append(a.action());
        if (a.field() != null) {
            b.append("  ").append(a.field()).append(": ").append(shown(a.oldValue())).append(" -> ")
                    .append(shown(a.newValue()));
        }
        if (a.reason() != null && !a.reason().isBlank()) {
            b.append("  reason: ").append(a.reason());
        }
        return b.toString();
    }

    private static String shown(String v) {
        return v == null ? "(none)" : "\"" + v + "\"";
    }

    /** 21 CFR 11.50: printed name, date and time, meaning; 11.70: the record version and hash it signs. */
    private void signature(ReportRecord rec, SignatureManifestation s) throws IOException {
        w.text(manifestation(s), s.withdrawn() ? SIGNED_WITHDRAWN : SIGNED);
        String signs = "Signs version " + s.recordVersion() + " (ledger entry " + s.signedLedgerSeq()
                + "), content SHA-256 " + s.signedRecordHashHex();
        // the hash decides, not the version number: it is what the signature is bound to (11.70)
        if (!s.signedRecordHashHex().equals(rec.contentHashHex())) {
            signs += " (an earlier version: the record has changed since it was signed)";
        }
        w.text(signs, SMALL.indented(16));
        if (s.withdrawn()) {
            SignatureManifestation.Withdrawal x = s.withdrawal();
            w.text("WITHDRAWN " + utc(x.at()) + " by " + x.by()
                    + (x.reason() == null || x.reason().isBlank() ? "" : ", reason: " + x.reason()), MARKER.indented(8));
        }
    }

    static String manifestation(SignatureManifestation s) {
        return "Signed by " + s.printedName() + (s.userId() == null ? "" : " (" + s.userId() + ")") + " on "
                + utc(s.signedAt()) + ", meaning: " + s.meaning()
                + (s.reason() == null || s.reason().isBlank() ? "" : ", comment: " + s.reason());
    }

    private void genealogy(GenealogySummary g) throws IOException {
        if (g.downstream()) {
            affected(g);
        }
        heading("Genealogy");
        w.text(g.nodes() + " nodes, " + g.edges() + " edges; " + (g.downstream() ? "downstream of the recalled lot ("
                : "upstream of the subject (") + g.upstream().size() + "):", BODY);
        for (GenealogySummary.Line l : g.upstream()) {
            float indent = 8 + 10 * Math.min(Math.max(l.depth() - 1, 0), 12);
            w.text("depth " + l.depth() + "  " + l.relation() + "  " + l.type() + " " + l.key(), BODY.indented(indent));
        }
    }

    /** A recall's affected batches, then lots, as the manifest states them (the verifier re-derives the list). */
    private void affected(GenealogySummary g) throws IOException {
        List<GenealogySummary.Affected> batches = g.affected().stream().filter(a -> a.id().startsWith("Batch:"))
                .toList();
        List<GenealogySummary.Affected> lots = g.affected().stream().filter(a -> !a.id().startsWith("Batch:"))
                .toList();
        long finished = g.affected().stream().filter(GenealogySummary.Affected::finishedProduct).count();
        heading("Affected by the recall: " + batches.size() + " batches, " + lots.size() + " lots");
        w.text(finished + " of them finished product (marked FINISHED PRODUCT). Status as of the as-of checkpoint; "
                + "hop = genealogy steps downstream of the recalled lot.", BODY);
        affectedList("Batches", batches);
        affectedList("Lots", lots);
    }

    private void affectedList(String title, List<GenealogySummary.Affected> list) throws IOException {
        w.gap(4);
        w.text(title + " (" + list.size() + ")", H2);
        if (list.isEmpty()) {
            w.text("none", BODY.indented(8));
        }
        for (GenealogySummary.Affected a : list) {
            w.text("hop " + a.hop() + "  " + a.id() + "  " + (a.status() == null ? "(no status)" : a.status())
                    + (a.finishedProduct() ? "  FINISHED PRODUCT" : ""), BODY.indented(8));
        }
    }

    private void sources(List<SourceFileLine> sources) throws IOException {
        heading("Source files (" + sources.size() + ")");
        for (SourceFileLine s : sources) {
            w.text(s.fileName() + "  " + s.mediaType() + "  " + s.sizeBytes() + " bytes  "
                    + (s.included() ? "included" : "not included (over the size limit)"), BODY);
            w.text("SHA-256 " + s.sha256Hex(), SMALL.indented(8));
        }
    }
}
